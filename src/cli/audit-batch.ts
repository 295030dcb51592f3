/**
 * The audit's unit of work: a batch of NDJSON lines in, their findings tallied out. The same function runs
 * in the main thread (--jobs 1) and in each worker thread, so the two can only differ in scheduling; the
 * tallies are sums, so merging them in any order gives the same summary.
 */
import * as z from 'zod/mini';
import type { Finding, RuleId, Severity } from '../engine/model';
import { EncounterSchema, SEVERITIES, bySeverity } from '../engine/model';
import { analyzeEncounter } from '../engine/index';
import type { AuditSummary } from './output';
import { SCHEMA_VERSION, outputFinding } from './output';
import { firstIssue, payerFrom, type PayerChoice } from './inputs';

export interface BatchInput {
  /** 1-based line number of lines[0]. */
  firstLine: number;
  lines: string[];
  choice: PayerChoice;
  /** Keep each encounter's findings (for --format ndjson), not only the counts. */
  keepFindings: boolean;
}

export interface Tally {
  encounters: number;
  encountersWith: Record<Severity, number>;
  rules: Partial<Record<RuleId, { encounters: number; findings: number }>>;
}

export interface BatchResult {
  tally: Tally;
  /** When keepFindings: each non-blank line's number and findings, in input order. */
  perEncounter?: { line: number; findings: Finding[] }[];
  /** The first bad line of the batch; the batch stops there. */
  error?: { line: number; message: string };
}

export function emptyTally(): Tally {
  return { encounters: 0, encountersWith: { error: 0, warning: 0, info: 0 }, rules: {} };
}

export function mergeTally(into: Tally, from: Tally): void {
  into.encounters += from.encounters;
  for (const severity of SEVERITIES) into.encountersWith[severity] += from.encountersWith[severity];
  for (const [rule, counts] of Object.entries(from.rules) as [
    RuleId,
    { encounters: number; findings: number },
  ][]) {
    const entry = (into.rules[rule] ??= { encounters: 0, findings: 0 });
    entry.encounters += counts.encounters;
    entry.findings += counts.findings;
  }
}

/** The summary as printed: rules by encounters, most first; ties by rule id, so completion order never shows. */
export function summaryOf(tally: Tally): AuditSummary {
  const rows = Object.entries(tally.rules) as [RuleId, { encounters: number; findings: number }][];
  rows.sort((a, b) => b[1].encounters - a[1].encounters || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    schemaVersion: SCHEMA_VERSION,
    encounters: tally.encounters,
    encountersWith: { ...tally.encountersWith },
    rules: Object.fromEntries(rows),
  };
}

export function auditBatch(input: BatchInput): BatchResult {
  const tally = emptyTally();
  const perEncounter: BatchResult['perEncounter'] = input.keepFindings ? [] : undefined;
  const override = input.choice.payer !== undefined || input.choice.method !== undefined;
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i] ?? '';
    const lineNumber = input.firstLine + i;
    if (line.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      return {
        tally,
        perEncounter,
        error: { line: lineNumber, message: `line ${lineNumber} is not valid JSON` },
      };
    }
    const parsed = z.safeParse(EncounterSchema, data);
    if (!parsed.success)
      return {
        tally,
        perEncounter,
        error: {
          line: lineNumber,
          message: `line ${lineNumber} is not an encounter (${firstIssue(parsed.error)})`,
        },
      };
    const encounter = override
      ? { ...parsed.data, payer: payerFrom(input.choice, parsed.data.payer) }
      : parsed.data;
    const findings = analyzeEncounter(encounter);
    tally.encounters++;
    let worst: Severity | undefined;
    const seen = new Set<RuleId>();
    for (const f of findings) {
      const entry = (tally.rules[f.rule] ??= { encounters: 0, findings: 0 });
      entry.findings++;
      if (!seen.has(f.rule)) entry.encounters++;
      seen.add(f.rule);
      if (worst === undefined || bySeverity(f.severity, worst) < 0) worst = f.severity;
    }
    for (const severity of SEVERITIES)
      if (worst !== undefined && bySeverity(worst, severity) <= 0) tally.encountersWith[severity]++;
    perEncounter?.push({ line: lineNumber, findings: findings.map(outputFinding) });
  }
  return { tally, perEncounter };
}
