/**
 * Every rule, in the order the options page lists them. A rule is one file in this folder, named by its id,
 * whose module exports the rule built with defineRule; it is listed here once. RULE_IDS in model.ts is the
 * same list of ids for the message and settings schemas, which the content script and popup load without
 * the rule code; the check below makes a rule without its id there, or an id without its rule, a type error.
 */
import type { RuleId } from '../model';
import { cqModifierMissing } from './cq-modifier-missing';
import { documentationIncomplete } from './documentation-incomplete';
import { gpModifierMissing } from './gp-modifier-missing';
import { groupSession } from './group-session';
import { kxModifierMissing } from './kx-modifier-missing';
import { minutesNotDocumented } from './minutes-not-documented';
import { motionAnalysis } from './motion-analysis';
import { ncciPair } from './ncci-pair';
import { noImprovementExpected } from './no-improvement-expected';
import { repetitiveWalking } from './repetitive-walking';
import { stairsBilledSeparately } from './stairs-billed-separately';
import type { Rule } from './types';
import { unitsBelowMinutes } from './units-below-minutes';
import { unitsExceedMinutes } from './units-exceed-minutes';
import { unitsOverMue } from './units-over-mue';

export const ALL_RULES = [
  unitsExceedMinutes,
  unitsBelowMinutes,
  minutesNotDocumented,
  unitsOverMue,
  repetitiveWalking,
  noImprovementExpected,
  groupSession,
  motionAnalysis,
  ncciPair,
  gpModifierMissing,
  cqModifierMissing,
  kxModifierMissing,
  stairsBilledSeparately,
  documentationIncomplete,
] as const satisfies readonly Rule[];

/** The ids of RULE_IDS that no rule here has; `never` when every id has its rule. */
type WithoutRule = Exclude<RuleId, (typeof ALL_RULES)[number]['id']>;
const everyIdHasItsRule: [WithoutRule] extends [never] ? true : WithoutRule = true;
void everyIdHasItsRule;
