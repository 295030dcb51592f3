/**
 * What the command line prints. The JSON shapes are zod schemas, so the published JSON Schemas
 * (schemas/*.schema.json, see json-schemas.ts) are generated from the same definitions the tests parse
 * the output with.
 */
import * as z from 'zod/mini';
import type { Finding, RuleId, Severity } from '../engine/model';
import { FindingSchema, RuleIdSchema, SEVERITIES } from '../engine/model';
import { MissingSchema, type Missing } from '../reader/read-summary';
import { ClaimOutputSchema, UnitsOutputSchema } from './units-output';

/**
 * Raised when a consumer of the JSON output would have to change: a key removed, renamed or retyped.
 * Adding an optional key does not raise it.
 */
export const SCHEMA_VERSION = 1;

const SchemaVersion = z.literal(SCHEMA_VERSION);

/** A finding as printed: the engine's finding, without anything the extension's UI adds. */
export const OutputFindingSchema = FindingSchema;

/** `check --format json`. */
export const CheckOutputSchema = z.object({
  schemaVersion: SchemaVersion,
  findings: z.array(OutputFindingSchema),
  /**
   * What the input lacked for a verdict: 'note' (no note text was read, so no charge was compared with a
   * note) or 'gait-line' (no 97116 line). Empty findings with something missing are not an all-clear.
   */
  missing: z.optional(z.array(MissingSchema)),
  /** The day's units table (every timed code of the date). */
  units: z.optional(UnitsOutputSchema),
  /** The recommended claim: all findings folded into one set of lines. */
  claim: z.optional(ClaimOutputSchema),
});
export type CheckOutput = z.infer<typeof CheckOutputSchema>;

/** `check --format ndjson`: one line per finding. */
export const CheckLineSchema = z.object({
  schemaVersion: SchemaVersion,
  ...OutputFindingSchema.shape,
});

const Count = z.number().check(z.int(), z.minimum(0));

export const RuleTallySchema = z.object({
  /** Encounters with at least one finding of the rule. */
  encounters: Count,
  findings: Count,
});

/** The audit's totals. Rules are listed by encounters (most first), then by rule id. */
export const AuditSummarySchema = z.object({
  schemaVersion: SchemaVersion,
  encounters: Count,
  /** Encounters whose worst finding is at least this severity. */
  encountersWith: z.object({ error: Count, warning: Count, info: Count }),
  rules: z.partialRecord(RuleIdSchema, RuleTallySchema),
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

/** `audit --format ndjson`: a line per encounter (in input order), then the summary line. */
export const AuditLineSchema = z.union([
  z.object({
    schemaVersion: SchemaVersion,
    type: z.literal('encounter'),
    /** 1-based line number in the input. */
    line: Count,
    findings: z.array(OutputFindingSchema),
  }),
  z.object({ type: z.literal('summary'), ...AuditSummarySchema.shape }),
]);

/** Only the keys the schema names, in its order, so the output does not carry whatever a finding holds. */
export function outputFinding(f: Finding): Finding {
  const { rule, severity, message, explanation, evidence, fix, source } = f;
  return { rule, severity, message, explanation, evidence, fix, source };
}

export function checkJson(
  findings: readonly Finding[],
  missing: readonly Missing[],
  day?: Pick<CheckOutput, 'units' | 'claim'>,
): string {
  const out: CheckOutput = {
    schemaVersion: SCHEMA_VERSION,
    findings: findings.map(outputFinding),
    missing: [...missing],
    ...day,
  };
  return `${JSON.stringify(out)}\n`;
}

export function checkNdjson(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...outputFinding(f) })}\n`)
    .join('');
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

const MISSING_LINE: Record<Missing, string> = {
  note: 'No note text found in the input: the charges were not compared with any note. Include the note (or the page or frame that shows it).',
  'gait-line':
    'No 97116 charge line found: nothing to check for gait training. Include the fee sheet or pass --charges 97116:UNITS[:MODIFIERS].',
};

export function formatHuman(
  findings: readonly Finding[],
  color: boolean,
  missing: readonly Missing[] = [],
): string {
  const gaps = missing.map((what) => `${MISSING_LINE[what]}\n`).join('');
  if (findings.length === 0)
    return gaps
      ? `${gaps}No verdict: a verdict needs a note and a 97116 line.\n`
      : 'No findings: the 97116 charges agree with the note.\n';
  const paint = (severity: Severity, text: string) =>
    color ? `${SEVERITY_COLOR[severity]}${text}\x1b[0m` : text;
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(paint(severity, `${SEVERITY_LABEL[severity]} (${group.length})`));
    for (const f of group) {
      lines.push(`  ${paint(severity, '•')} ${f.message}  [${f.rule}]`);
      lines.push(`    why: ${f.explanation}`);
      lines.push(`    fix: ${f.fix}`);
      for (const e of f.evidence.slice(0, 4)) {
        lines.push(
          e.kind === 'note'
            ? `    note ${e.noteId} @${e.start}-${e.end}: "${e.quote}"`
            : `    charge ${e.chargeId}: ${e.quote}`,
        );
      }
      const cite = [
        f.source.title,
        f.source.section,
        f.source.effective && `effective ${f.source.effective}`,
      ];
      lines.push(`    source: ${cite.filter(Boolean).join(', ')}`);
    }
    lines.push('');
  }
  return `${gaps}${lines.join('\n')}\n`;
}

export function auditText(summary: AuditSummary): string {
  const rows = Object.entries(summary.rules) as [RuleId, { encounters: number; findings: number }][];
  const w = summary.encountersWith;
  const out = [
    `${summary.encounters} encounters: ${w.error} with errors, ${w.warning} with warnings or worse`,
    ...rows.map(
      ([rule, c]) =>
        `  ${rule.padEnd(26)} ${String(c.encounters).padStart(6)} encounters  ${String(c.findings).padStart(6)} findings`,
    ),
  ];
  if (rows.length === 0) out.push('  no findings');
  return `${out.join('\n')}\n`;
}
