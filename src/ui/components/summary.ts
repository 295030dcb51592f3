import type { Severity } from '../../engine/model';
import type { TabReport } from '../../messages/to-content';
import type { Missing } from '../../reader/read-summary';
import { t, type MessageKey } from '../i18n';
import { SEVERITY_ORDER } from './severity';

const COUNT_KEYS: Record<Severity, [one: MessageKey, many: MessageKey]> = {
  error: ['countErrorOne', 'countErrorMany'],
  warning: ['countWarningOne', 'countWarningMany'],
  info: ['countInfoOne', 'countInfoMany'],
};

/**
 * What the panel may say. An all-clear ('clean') needs a note and a 97116 line to judge: with either missing,
 * the coder is told what is missing instead, because "no problems" on a page nothing checked would send an
 * unchecked claim.
 */
export type Verdict =
  | { kind: 'reading' }
  | { kind: 'findings'; missing: Missing[] }
  | { kind: 'missing'; missing: Missing[] }
  | { kind: 'clean' };

/** What is missing; a report from a worker without the read summary falls back to its counts. */
export function missingOf(report: TabReport): Missing[] {
  if (report.read) return report.read.missing;
  const missing: Missing[] = [];
  if (report.noteCount === 0) missing.push('note');
  if (report.chargeCount === 0) missing.push('gait-line');
  return missing;
}

export function verdictOf(report: TabReport | undefined): Verdict {
  if (!report) return { kind: 'reading' };
  const missing = missingOf(report);
  if (report.findings.length > 0) return { kind: 'findings', missing };
  return missing.length > 0 ? { kind: 'missing', missing } : { kind: 'clean' };
}

function missingHeadline(missing: readonly Missing[]): string {
  if (missing.includes('note') && missing.includes('gait-line')) return t('summaryNothing');
  return missing.includes('note') ? t('verdictNoNote') : t('verdictNoGaitLine');
}

/** The sentences that say what is missing and what the coder can do about it. */
export function missingHelp(report: TabReport): string[] {
  const missing = missingOf(report);
  const help: string[] = [];
  if (missing.includes('note')) help.push(t('missingNoteHelp'));
  if (missing.includes('gait-line')) help.push(t('missingGaitHelp'));
  if (missing.length > 0 && report.foreignOrigins.length > 0)
    help.push(t('missingForeignHelp', report.foreignOrigins.join(', ')));
  return help;
}

/** One short line for the overlay header and the popup heading. */
export function summarize(report: TabReport | undefined): string {
  const verdict = verdictOf(report);
  if (verdict.kind === 'reading' || !report) return t('summaryReading');
  if (verdict.kind === 'clean') return t('summaryClean');
  if (verdict.kind === 'missing') return missingHeadline(verdict.missing);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) counts[finding.severity] += 1;
  const parts = SEVERITY_ORDER.filter((severity) => counts[severity] > 0).map((severity) => {
    const [one, many] = COUNT_KEYS[severity];
    return counts[severity] === 1 ? t(one) : t(many, String(counts[severity]));
  });
  if (verdict.missing.length > 0) parts.push(missingHeadline(verdict.missing));
  return parts.join(', ');
}
