import type { TabReport } from '../../messages/to-content';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One short line for the overlay header and the popup heading. */
export function summarize(report: TabReport | undefined): string {
  if (!report) return 'Reading…';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) counts[finding.severity] += 1;
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(plural(counts.info, 'note'));
  if (parts.length > 0) return parts.join(', ');
  return report.status === 'empty' ? 'Nothing to check yet' : 'No problems found';
}
