/**
 * Frames of the page that GaitGuard did not read because their sites are off: named, with one button that
 * asks for all of them in a single permission request. What a size cap cut is said too.
 */
import type { TabReport } from '../../messages/to-content';
import { t } from '../i18n';

export function frameSitesToOffer(report: TabReport): string[] {
  const ignored = report.ignoredFrames
    .filter((frame) => frame.reason === 'frame-origin-off')
    .map((frame) => frame.origin);
  return [...new Set([...ignored, ...report.foreignOrigins])].filter((origin) => /^https?:\/\//.test(origin));
}

export function FrameSites(props: { report: TabReport; busy: boolean; onTurnOn(origins: string[]): void }) {
  const offer = frameSitesToOffer(props.report);
  const ignored = [...new Set(props.report.ignoredFrames.map((frame) => frame.origin))];
  return (
    <>
      {ignored.length > 0 && (
        <p class="gg-hint" data-testid="ignored-frames">
          {t('ignoredFramesHint', ignored.join(', '))}
        </p>
      )}
      {offer.length > 0 && (
        <button
          type="button"
          class="gg-button"
          disabled={props.busy}
          data-testid="turn-on-frame-sites"
          onClick={() => props.onTurnOn(offer)}
        >
          {t('turnOnFrameSites')}
        </button>
      )}
      {props.report.cuts.length > 0 && (
        <p class="gg-hint" data-testid="cut">
          {t('cutHint')}
        </p>
      )}
    </>
  );
}
