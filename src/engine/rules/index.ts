/** Every rule, in a stable order (the order of RULE_IDS). One file per rule, named by its id. */
import { RULE_IDS } from '../model';
import { cqModifierMissing } from './cq-modifier-missing';
import { documentationIncomplete } from './documentation-incomplete';
import { gpModifierMissing } from './gp-modifier-missing';
import { groupSession } from './group-session';
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

const BY_ID: readonly Rule[] = [
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
  stairsBilledSeparately,
  documentationIncomplete,
];

export const ALL_RULES: readonly Rule[] = RULE_IDS.map((id) => {
  const rule = BY_ID.find((r) => r.id === id);
  if (!rule) throw new Error(`rule ${id} has no implementation`);
  return rule;
});
