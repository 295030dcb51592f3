import type { Severity } from '../../engine/model';
import { SEVERITIES } from '../../engine/model';
import type { TabReport } from '../../messages/to-content';
import { t, type MessageKey } from '../i18n';

const COUNT_KEYS: Record<Severity, [one: MessageKey, many: MessageKey]> = {
  error: ['countErrorOne', 'countErrorMany'],
  warning: ['countWarningOne', 'countWarningMany'],
  info: ['countInfoOne', 'countInfoMany'],
};

/** One short line for the overlay header and the popup heading. */
export function summarize(report: TabReport | undefined): string {
  if (!report) return t('summaryReading');
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) counts[finding.severity] += 1;
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => {
    const [one, many] = COUNT_KEYS[severity];
    return counts[severity] === 1 ? t(one) : t(many, String(counts[severity]));
  });
  if (parts.length > 0) return parts.join(', ');
  return report.status === 'empty' ? t('summaryNothing') : t('summaryClean');
}
