/**
 * The in-page panel. It lives in a shadow root on GaitGuard's own host element, never takes focus by itself,
 * and can be moved, collapsed or hidden so it never sits on the EHR's own controls.
 */
import { useRef, useState } from 'preact/hooks';
import type { Evidence } from '../../engine/model';
import type { TabReport } from '../../messages/to-content';
import type { OverlayPlacement } from '../../shared/settings';
import { FindingList } from '../components/finding-list';
import { summarize, verdictOf } from '../components/summary';
import { MissingNotice, ReadSummaryView } from '../components/read-summary';
import { t } from '../i18n';

export interface OverlayProps {
  report: TabReport | undefined;
  /** The extension was reloaded or updated under this page: the panel can only ask for a reload. */
  stale: boolean;
  placement: OverlayPlacement;
  picking: 'note' | 'charges' | undefined;
  onReveal(evidence: Evidence): void;
  onPlacementChange(placement: OverlayPlacement, persist: boolean): void;
  onPick(kind: 'note' | 'charges'): void;
  onHide(): void;
}

const STEP = 24;

export function Overlay(props: OverlayProps) {
  const { report, stale, placement, picking } = props;
  const drag = useRef<{ x: number; y: number; right: number; bottom: number } | undefined>(undefined);
  const [menuOpen, setMenuOpen] = useState(false);
  const summary = stale ? t('reloadToRecheck') : summarize(report);
  const worst = report?.findings[0]?.severity;

  const move = (right: number, bottom: number, persist: boolean) =>
    props.onPlacementChange(
      { ...placement, right: Math.max(0, Math.round(right)), bottom: Math.max(0, Math.round(bottom)) },
      persist,
    );

  return (
    <div
      class={`gg-panel ${placement.collapsed ? 'gg-collapsed' : ''}`}
      role="complementary"
      aria-label={t('overlayLabel')}
      data-worst={worst ?? 'none'}
    >
      <div
        class="gg-header"
        onPointerDown={(event) => {
          // Only the coder's own pointer moves the panel; its position is saved for the site.
          if (!event.isTrusted || (event.target as Element).closest('button')) return;
          drag.current = {
            x: event.clientX,
            y: event.clientY,
            right: placement.right,
            bottom: placement.bottom,
          };
          (event.currentTarget as Element).setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start || !event.isTrusted) return;
          move(start.right - (event.clientX - start.x), start.bottom - (event.clientY - start.y), false);
        }}
        onPointerUp={(event) => {
          if (!drag.current || !event.isTrusted) return;
          drag.current = undefined;
          move(placement.right, placement.bottom, true);
        }}
      >
        <button
          type="button"
          class="gg-handle"
          aria-label={t('moveHandle')}
          title={t('moveTitle')}
          onKeyDown={(event) => {
            if (!event.isTrusted) return;
            const delta: Record<string, [number, number]> = {
              ArrowLeft: [STEP, 0],
              ArrowRight: [-STEP, 0],
              ArrowUp: [0, STEP],
              ArrowDown: [0, -STEP],
            };
            const step = delta[event.key];
            if (!step) return;
            event.preventDefault();
            move(placement.right + step[0], placement.bottom + step[1], true);
          }}
        >
          ⠿
        </button>
        <span class="gg-title">{t('actionTitle')}</span>
        <span class="gg-summary" role="status" aria-live="polite">
          {summary}
        </span>
        <button
          type="button"
          class="gg-icon"
          aria-expanded={!placement.collapsed}
          aria-label={placement.collapsed ? t('expand') : t('collapse')}
          onClick={(event) =>
            event.isTrusted &&
            props.onPlacementChange({ ...placement, collapsed: !placement.collapsed }, true)
          }
        >
          {placement.collapsed ? '▴' : '▾'}
        </button>
        <button
          type="button"
          class="gg-icon"
          aria-label="Hide GaitGuard (Alt+Shift+G shows it again)"
          onClick={props.onHide}
        >
          ×
        </button>
      </div>
      {!placement.collapsed && (
        <div class="gg-body">
          {stale ? (
            <p class="gg-empty">{t('staleBody')}</p>
          ) : !report ? (
            <p class="gg-empty">{t('readingPage')}</p>
          ) : (
            <>
              <MissingNotice report={report} />
              {report.findings.length > 0 ? (
                <FindingList findings={report.findings} onReveal={props.onReveal} compact />
              ) : (
                verdictOf(report).kind === 'clean' && <p class="gg-empty">{t('overlayClean')}</p>
              )}
              <ReadSummaryView report={report} />
            </>
          )}
          {report && report.foreignOrigins.length > 0 && (
            <p class="gg-hint">{t('foreignOriginsHint', report.foreignOrigins.join(', '))}</p>
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
      )}
    </div>
  );
}
