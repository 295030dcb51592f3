/**
 * "Copy as query": a plain-text summary a coder can paste into a message to the therapist. It quotes the
 * evidence because that is what the coder is asking about; it goes to the clipboard only at the coder's click.
 */
import type { Finding, Severity } from '../engine/model';

const LABEL: Record<Severity, string> = {
  error: 'Must fix',
  warning: 'Please review',
  info: 'For information',
};

export function formatQuery(findings: readonly Finding[], context: { dateOfService?: string } = {}): string {
  if (findings.length === 0)
    return 'GaitGuard: no documentation questions for gait training (97116) on this note.';
  const lines: string[] = [];
  lines.push(
    `Documentation query: gait training (97116)${context.dateOfService ? `, date of service ${context.dateOfService}` : ''}`,
  );
  lines.push('');
  findings.forEach((finding, index) => {
    lines.push(`${index + 1}. [${LABEL[finding.severity]}] ${finding.message}`);
    for (const evidence of finding.evidence) {
      const quote = evidence.quote.replace(/\s+/g, ' ').trim();
      if (quote) lines.push(`   Note says: "${quote.length > 200 ? `${quote.slice(0, 199)}…` : quote}"`);
    }
    lines.push(`   Suggested: ${finding.fix}`);
    const source = [
      finding.source.title,
      finding.source.section,
      finding.source.effective && `effective ${finding.source.effective}`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`   Source: ${source}`);
  });
  return lines.join('\n');
}
