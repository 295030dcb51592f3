/**
 * The findings, grouped by severity, as both the popup and the overlay show them. All text is rendered as
 * text nodes by Preact: note content can never become markup.
 */
import type { Evidence, Finding } from '../../engine/model';
import { SEVERITIES } from '../../engine/model';
import { SEVERITY_GROUP_KEY, SEVERITY_KEY } from './severity';
import { t } from '../i18n';

export interface FindingListProps {
  findings: readonly Finding[];
  onReveal?: (evidence: Evidence) => void;
  /** Smaller type and no explanation, for the in-page overlay. */
  compact?: boolean;
}

function citation(finding: Finding): string {
  const { title, section, effective } = finding.source;
  return [title, section, effective ? t('effectiveOn', effective) : undefined].filter(Boolean).join(' · ');
}

function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

export function FindingList({ findings, onReveal, compact = false }: FindingListProps) {
  return (
    <div class="gg-findings">
      {SEVERITIES.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        const headingId = `gg-group-${severity}`;
        return (
          <section key={severity} class={`gg-group gg-${severity}`} aria-labelledby={headingId}>
            <h2 id={headingId} class="gg-group-title">
              {t(SEVERITY_GROUP_KEY[severity])} <span class="gg-count">{group.length}</span>
            </h2>
            <ul class="gg-list">
              {group.map((finding, index) => (
                <li key={`${finding.rule}-${index}`} class="gg-finding" data-rule={finding.rule}>
                  <p class="gg-message">
                    <span class="gg-dot" aria-hidden="true" />
                    <span class="gg-visually-hidden">{t(SEVERITY_KEY[severity])}: </span>
                    {finding.message}
                  </p>
                  {!compact && <p class="gg-explanation">{finding.explanation}</p>}
                  {finding.evidence.slice(0, 3).map((evidence, evidenceIndex) =>
                    evidence.quote.trim() ? (
                      <button
                        type="button"
                        key={evidenceIndex}
                        class="gg-evidence"
                        disabled={!onReveal}
                        onClick={() => onReveal?.(evidence)}
                        title={onReveal ? t('showOnPage') : undefined}
                      >
                        <span class="gg-visually-hidden">{t('evidencePrefix')} </span>“
                        {shortQuote(evidence.quote)}”
                      </button>
                    ) : null,
                  )}
                  <p class="gg-fix">
                    <strong>{t('fixLabel')}</strong> {finding.fix}
                  </p>
                  <p class="gg-source">
                    {t('sourceLabel')} {citation(finding)}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
