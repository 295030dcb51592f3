import type { ChargeLine, Citation, Encounter, Finding, RuleId, Severity, UnitMethod } from '../model';
import type { NoteAnalysis } from '../note/analyze';
import type { KxThreshold, MueTable, NcciTable } from '../tables';
import type { DocumentedMinutes } from './facts';

export interface RuleInfo<Id extends RuleId = RuleId> {
  id: Id;
  /** Short plain-English title for the options page. */
  title: string;
  description: string;
  /** The severity of the rule's findings, unless a finding states its own. */
  severity: Severity;
  /** Runs only when the payer is Medicare. */
  medicareOnly: boolean;
  /** Where the requirement comes from; a finding may cite a more precise source (a dated table). */
  citation: Citation;
  /**
   * A modifier that the rule's findings ask for on the charge lines they name: the recommended claim adds
   * it (first, for the discipline modifier) and says why in `note`.
   */
  claimModifier?: { modifier: string; first?: boolean; note: string };
}

export interface RuleContext {
  encounter: Encounter;
  method: UnitMethod;
  medicare: boolean;
  /** Charge lines that count: every line not deleted. */
  charges: readonly ChargeLine[];
  /** The 97116 lines among them with at least one unit. */
  gaitLines: readonly ChargeLine[];
  gaitUnits: number;
  analysis: NoteAnalysis;
  minutes: DocumentedMinutes;
  mue: MueTable | undefined;
  ncci: NcciTable | undefined;
  kx: KxThreshold | undefined;
}

/** What a rule reports; the engine adds the rule id, and the rule's severity and citation where not given. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity' | 'source'> & {
  severity?: Severity;
  source?: Citation;
};

export interface Rule<Id extends RuleId = RuleId> extends RuleInfo<Id> {
  evaluate(ctx: RuleContext): RuleFinding[];
}

/** Keeps the rule's id as its literal type, so the registry can check that every id has its rule. */
export function defineRule<const Id extends RuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

export type { Citation };
