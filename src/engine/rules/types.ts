import type { ChargeLine, Citation, Encounter, Finding, RuleId, Severity, UnitMethod } from '../model';
import type { NoteAnalysis } from '../note/analyze';
import type { MueTable, NcciTable } from '../tables';
import type { DocumentedMinutes } from './facts';

export interface RuleInfo {
  id: RuleId;
  /** Short plain-English title for the options page. */
  title: string;
  description: string;
  defaultSeverity: Severity;
  /** Runs only when the payer is Medicare. */
  medicareOnly: boolean;
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
}

export interface Rule extends RuleInfo {
  run(ctx: RuleContext): Finding[];
}

export type { Citation };
