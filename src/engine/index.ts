/**
 * The rule engine: pure functions from an Encounter to Findings. No browser API, no DOM, no console.
 */
import type { Encounter, Finding, RuleId } from './model';
import { bySeverity } from './model';
import { analyzeNotes } from './note/analyze';
import { GAIT_CODE, documentedMinutes } from './rules/facts';
import { ALL_RULES } from './rules/index';
import type { RuleContext, RuleInfo } from './rules/types';
import type { EditTables } from './tables';
import { DEFAULT_TABLES, tableInForce } from './tables';

export { EditTablesSchema, DEFAULT_TABLES, MueTableSchema, NcciTableSchema, tableInForce } from './tables';
export type { EditTables, MueTable, NcciTable } from './tables';
export { parseChargeList } from './charges';
export type { RuleInfo } from './rules/types';

export interface EngineOptions {
  /** Rules switched off for the site or the organisation. */
  disabledRules?: readonly RuleId[];
  /** Replacement dated tables (MUE, NCCI); the built-in ones otherwise. */
  tables?: EditTables;
}

export const RULES: readonly RuleInfo[] = ALL_RULES.map(
  ({ id, title, description, severity, medicareOnly, citation }) => ({
    id,
    title,
    description,
    severity,
    medicareOnly,
    citation,
  }),
);

/**
 * Several mentions in one sentence quote the same span ("laps in hallway for endurance"); the panel shows
 * each span once, first occurrence kept in place.
 */
function withUniqueEvidence(finding: Finding): Finding {
  const seen = new Set<string>();
  const evidence = finding.evidence.filter((e) => {
    const key =
      e.kind === 'note' ? `note\u0000${e.noteId}\u0000${e.start}\u0000${e.end}` : `charge\u0000${e.chargeId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return evidence.length === finding.evidence.length ? finding : { ...finding, evidence };
}

export function buildContext(encounter: Encounter, tables: EditTables): RuleContext {
  const charges = encounter.charges.filter((line) => line.status !== 'deleted');
  const gaitLines = charges.filter((line) => line.code === GAIT_CODE && line.units > 0);
  const analysis = analyzeNotes(encounter.notes);
  return {
    encounter,
    method: encounter.payer.method,
    medicare: encounter.payer.medicare,
    charges,
    gaitLines,
    gaitUnits: gaitLines.reduce((sum, line) => sum + line.units, 0),
    analysis,
    minutes: documentedMinutes(analysis, charges),
    mue: tableInForce(tables.mue, encounter.dateOfService),
    ncci: tableInForce(tables.ncci, encounter.dateOfService),
    kx: tableInForce(tables.kx ?? DEFAULT_TABLES.kx ?? [], encounter.dateOfService),
  };
}

/**
 * Checks one encounter. Never throws on a schema-valid encounter: a rule that fails yields no findings,
 * and nothing of the note reaches the console. Findings come sorted error → warning → info, stable.
 */
export function analyzeEncounter(encounter: Encounter, options: EngineOptions = {}): Finding[] {
  let ctx: RuleContext;
  try {
    ctx = buildContext(encounter, options.tables ?? DEFAULT_TABLES);
  } catch {
    return [];
  }
  const disabled = new Set<RuleId>(options.disabledRules ?? []);
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (disabled.has(rule.id)) continue;
    if (rule.medicareOnly && !ctx.medicare) continue;
    try {
      for (const { severity, source, ...reported } of rule.evaluate(ctx)) {
        const finding: Finding = {
          rule: rule.id,
          severity: severity ?? rule.severity,
          ...reported,
          source: source ?? rule.citation,
        };
        findings.push(withUniqueEvidence(finding));
      }
    } catch {
      // A broken rule must not take the others down; it reports nothing.
    }
  }
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => bySeverity(a.finding.severity, b.finding.severity) || a.order - b.order)
    .map(({ finding }) => finding);
}
