/**
 * The in-page part: a small pill with the count of open findings, placed where it covers no form control
 * (the findings themselves live in the side panel). It never takes focus by itself. Clicking it, or the
 * in-page shortcut, opens a compact list beside it; Escape closes the list and gives focus back to the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Evidence } from '../../engine/model';
import type { TabReport } from '../../messages/to-content';
import type { OverlayPlacement } from '../../shared/settings';
import { FindingList } from '../components/finding-list';
import { summarize } from '../components/summary';
import { t } from '../i18n';

/** Alt+Shift+F from the page: open the list and focus the first finding. */
export const FOCUS_SHORTCUT = { key: 'F', altKey: true, shiftKey: true } as const;

export interface OverlayProps {
  report: TabReport | undefined;
  /** The extension was reloaded or updated under this page: the panel can only ask for a reload. */
  stale: boolean;
  placement: OverlayPlacement;
  picking: 'note' | 'charges' | undefined;
  expanded: boolean;
  /** Where the list opens from the pill, so it stays in the viewport. */
  opensUp: boolean;
  alignRight: boolean;
  /** Focus the first finding once the list is open (the shortcut asked for it). */
  focusFirst: boolean;
  onExpandedChange(expanded: boolean, fromKeyboard: boolean): void;
  onReveal(evidence: Evidence): void;
  onPlacementChange(placement: OverlayPlacement, persist: boolean): void;
  onPick(kind: 'note' | 'charges'): void;
  onHide(): void;
}

export function Overlay(props: OverlayProps) {
  const { report, stale, picking, expanded } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const count = report?.findings.length ?? 0;
  const worst = report?.findings[0]?.severity;
  const summary = stale ? t('reloadToRecheck') : summarize(report);

  useEffect(() => {
    if (!expanded || !props.focusFirst) return;
    listRef.current?.querySelector<HTMLElement>('.gg-finding[data-open]')?.focus();
  }, [expanded, props.focusFirst, report]);

  const panelStyle = `${props.opensUp ? 'bottom' : 'top'}:calc(100% + 6px);${props.alignRight ? 'right' : 'left'}:0;`;

  return (
    <div
      class="gg-pill-wrap"
      role="complementary"
      aria-label={t('overlayLabel')}
      data-worst={worst ?? 'none'}
    >
      <button
        type="button"
        class="gg-pill"
        aria-expanded={expanded}
        aria-controls="gg-pill-list"
        title={`${summary}. ${t('pillKeys')}`}
        onClick={(event) => event.isTrusted && props.onExpandedChange(!expanded, false)}
      >
        <span class="gg-pill-dot" aria-hidden="true" />
        <span class="gg-title">{t('actionTitle')}</span>
        <span class="gg-pill-count">{stale ? '!' : count}</span>
        <span class="gg-visually-hidden">{summary}</span>
      </button>
      <span class="gg-visually-hidden" role="status" aria-live="polite">
        {summary}
      </span>
      <div
        id="gg-pill-list"
        class="gg-panel"
        style={panelStyle}
        hidden={!expanded}
        ref={listRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            props.onExpandedChange(false, true);
          }
        }}
      >
        <div class="gg-header">
          <span class="gg-summary">{summary}</span>
          <button
            type="button"
            class="gg-icon"
            aria-label={t('collapse')}
            onClick={() => props.onExpandedChange(false, false)}
          >
            ▾
          </button>
          <button type="button" class="gg-icon" aria-label={t('hide')} onClick={props.onHide}>
            ×
          </button>
        </div>
        <div class="gg-body">
          {stale ? (
            <p class="gg-empty">{t('staleBody')}</p>
          ) : !report ? (
            <p class="gg-empty">{t('readingPage')}</p>
          ) : report.findings.length === 0 ? (
            <p class="gg-empty">{summarize(report)}</p>
          ) : (
            <FindingList
              findings={report.findings}
              onReveal={props.onReveal}
              lineLabels={report.day?.lineLabels}
              compact
              onEscape={() => props.onExpandedChange(false, true)}
            />
          )}
          {!stale && (
            <div class="gg-footer">
              <button
                type="button"
                class="gg-link"
                aria-expanded={menuOpen}
                onClick={(event) => event.isTrusted && setMenuOpen(!menuOpen)}
              >
                {t('wrongField')}
              </button>
              {menuOpen && (
                <span class="gg-pick">
                  {/* Only the coder's own click starts the picker: a saved selector steers every later visit. */}
                  <button
                    type="button"
                    class="gg-link"
                    onClick={(event) => event.isTrusted && props.onPick('note')}
                  >
                    {t('pickNote')}
                  </button>
                  <button
                    type="button"
                    class="gg-link"
                    onClick={(event) => event.isTrusted && props.onPick('charges')}
                  >
                    {t('pickCharges')}
                  </button>
                </span>
              )}
              {picking && (
                <span class="gg-picking" role="status">
                  {picking === 'note' ? t('pickingNote') : t('pickingCharges')}
                </span>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
