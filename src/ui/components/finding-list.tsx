/**
 * The findings, grouped by severity, as the side panel, the popup and the in-page pill show them. All text is
 * rendered as text nodes by Preact: note content can never become markup.
 * Keyboard: ArrowDown/ArrowUp (or j/k) move between findings, Enter shows the finding's evidence on the page,
 * Escape hands focus back (onEscape); each move is announced through a polite live region.
 */
import type { FunctionComponent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Evidence, Finding } from '../../engine/model';
import { SEVERITY_GROUP_KEY, SEVERITY_KEY, SEVERITY_ORDER } from './severity';
import { t } from '../i18n';
import { findingKeys, type AckReason, type Acks } from './ack-store';
import type { ReviewControlProps } from './review';

export interface FindingListProps {
  findings: readonly Finding[];
  onReveal?: (evidence: Evidence) => void;
  /** Smaller type and no explanation, for the in-page pill. */
  compact?: boolean;
  /** Charge line id → "line 2 of Fee sheet". */
  lineLabels?: Readonly<Record<string, string>>;
  /**
   * "Mark reviewed" and undo (the popup and the side panel): acknowledged findings by key, the setter, and
   * the control (review.tsx), passed in so the pill, which offers none, does not bundle it.
   */
  review?: {
    acks: Acks;
    onAck: (key: string, reason: AckReason | undefined) => void;
    Control: FunctionComponent<ReviewControlProps>;
  };
  /** Severity groups as <details> the coder can fold (the popup). */
  collapsible?: boolean;
  onEscape?: () => void;
}

function citation(finding: Finding): string {
  const { title, section, effective } = finding.source;
  return [title, section, effective ? t('effectiveOn', effective) : undefined].filter(Boolean).join(' · ');
}

function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

export function FindingList(props: FindingListProps) {
  const { findings, onReveal, compact = false, lineLabels = {}, review, collapsible = false } = props;
  const acks = review?.acks ?? {};
  const keys = findingKeys(findings);
  const rootRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // Free-text reasons stay in this view's memory: the shared store keeps only the reason code.
  const [notes, setNotes] = useState<Record<string, string>>({});
  const open = findings
    .map((finding, index) => ({ finding, key: keys[index] ?? '' }))
    .filter((f) => !acks[f.key]);
  const reviewed = findings
    .map((finding, index) => ({ finding, key: keys[index] ?? '' }))
    .filter((f) => acks[f.key]);

  const evidenceLabel = (evidence: Evidence) => {
    const quote = shortQuote(evidence.quote);
    if (evidence.kind !== 'charge') return `“${quote}”`;
    const where = lineLabels[evidence.chargeId];
    return where ? `${where}: ${quote}` : quote;
  };

  const focusFinding = (index: number) => {
    const items = [...(rootRef.current?.querySelectorAll<HTMLElement>('.gg-finding[data-open]') ?? [])];
    if (items.length === 0) return;
    const target = items[(index + items.length) % items.length];
    if (!target) return;
    target.focus();
    const position = items.indexOf(target) + 1;
    setAnnouncement(
      t(
        'announceFinding',
        String(position),
        String(items.length),
        target.querySelector('.gg-message')?.textContent ?? '',
      ),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(rootRef.current?.querySelectorAll<HTMLElement>('.gg-finding[data-open]') ?? [])];
    const current = items.findIndex((item) => item === event.target);
    const inItem = items.findIndex((item) => item.contains(event.target as Node));
    if (event.key === 'ArrowDown' || (event.key === 'j' && current !== -1)) {
      event.preventDefault();
      focusFinding(inItem === -1 ? 0 : inItem + 1);
    } else if (event.key === 'ArrowUp' || (event.key === 'k' && current !== -1)) {
      event.preventDefault();
      focusFinding(inItem === -1 ? items.length - 1 : inItem - 1);
    } else if (event.key === 'Enter' && current !== -1) {
      event.preventDefault();
      const first = open[current]?.finding.evidence.find((e) => e.quote.trim());
      if (first && onReveal) {
        onReveal(first);
        setAnnouncement(t('announceEvidence', evidenceLabel(first)));
      }
    } else if (event.key === 'Escape' && props.onEscape) {
      event.preventDefault();
      props.onEscape();
    }
  };

  const renderFinding = ({ finding, key }: { finding: Finding; key: string }, acked: boolean) => (
    <li
      key={key}
      class="gg-finding"
      data-rule={finding.rule}
      data-key={key}
      data-open={acked ? undefined : ''}
      tabIndex={acked ? undefined : -1}
    >
      <p class="gg-message">
        <span class="gg-dot" aria-hidden="true" />
        <span class="gg-visually-hidden">{t(SEVERITY_KEY[finding.severity])}: </span>
        {finding.message}
      </p>
      {!acked && (
        <>
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
                <span class="gg-visually-hidden">{t('evidencePrefix')} </span>
                {evidenceLabel(evidence)}
              </button>
            ) : null,
          )}
          <p class="gg-fix">
            <strong>{t('fixLabel')}</strong> {finding.fix}
          </p>
          <p class="gg-source">
            {t('sourceLabel')} {citation(finding)}
          </p>
        </>
      )}
      {review && (
        <review.Control
          reason={acks[key]}
          note={notes[key]}
          onChange={(reason, text) => {
            setNotes((current) => ({ ...current, [key]: text }));
            review.onAck(key, reason);
          }}
        />
      )}
    </li>
  );

  return (
    <div class="gg-findings" ref={rootRef} onKeyDown={onKeyDown}>
      <p class="gg-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {SEVERITY_ORDER.map((severity) => {
        const group = open.filter((f) => f.finding.severity === severity);
        if (group.length === 0) return null;
        const headingId = `gg-group-${severity}`;
        const title = (
          <>
            {t(SEVERITY_GROUP_KEY[severity])} <span class="gg-count">{group.length}</span>
          </>
        );
        const list = <ul class="gg-list">{group.map((f) => renderFinding(f, false))}</ul>;
        return collapsible ? (
          <details key={severity} class={`gg-group gg-${severity}`} open>
            <summary class="gg-group-title">{title}</summary>
            {list}
          </details>
        ) : (
          <section key={severity} class={`gg-group gg-${severity}`} aria-labelledby={headingId}>
            <h2 id={headingId} class="gg-group-title">
              {title}
            </h2>
            {list}
          </section>
        );
      })}
      {reviewed.length > 0 && (
        <details class="gg-group gg-reviewed">
          <summary class="gg-group-title">
            {t('groupReviewed')} <span class="gg-count">{reviewed.length}</span>
          </summary>
          <ul class="gg-list">{reviewed.map((f) => renderFinding(f, true))}</ul>
        </details>
      )}
    </div>
  );
}
