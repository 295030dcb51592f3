/**
 * The findings, grouped by severity, as the side panel and the popup show them (the in-page pill draws the
 * same markup without Preact: overlay/pill-findings.ts). All text is rendered as text nodes by Preact: note
 * content can never become markup.
 * Keyboard: ArrowDown/ArrowUp (or j/k) move between findings, Enter shows the finding's evidence on the page,
 * Escape hands focus back (onEscape); each move is announced through a polite live region.
 */
import type { FunctionComponent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Evidence, Finding } from '../../engine/model';
import { SEVERITY_GROUP_KEY, SEVERITY_KEY, SEVERITY_ORDER } from './severity';
import { t } from '../i18n';
import { findingKeys, type AckReason, type Acks } from './ack-store';
import { citation, evidenceLabel, onFindingListKey } from './finding-text';
import type { ReviewControlProps } from './review';

export interface FindingListProps {
  findings: readonly Finding[];
  onReveal?: (evidence: Evidence) => void;
  /** Charge line id → "line 2 of Fee sheet". */
  lineLabels?: Readonly<Record<string, string>>;
  /**
   * "Mark reviewed" and undo (the popup and the side panel): acknowledged findings by key, the setter, and
   * the control (review.tsx), passed in so a view that offers none does not bundle it.
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

export function FindingList(props: FindingListProps) {
  const { findings, onReveal, lineLabels = {}, review, collapsible = false } = props;
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

  const onKeyDown = (event: KeyboardEvent) => {
    if (!rootRef.current) return;
    onFindingListKey(rootRef.current, event, {
      findingOf: (key) => open.find((f) => f.key === key)?.finding,
      onReveal,
      onEscape: props.onEscape,
      lineLabels,
      announce: setAnnouncement,
    });
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
          <p class="gg-explanation">{finding.explanation}</p>
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
                {evidenceLabel(evidence, lineLabels)}
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
