/** Feature (top frame only): the in-page overlay panel. */
import { render } from 'preact';
import type { Evidence } from '../engine/model';
import type { TabReport } from '../messages/to-content';
import type { OverlayPlacement } from '../shared/settings';
import { Overlay } from '../ui/overlay/overlay';
import { OVERLAY_STYLES } from '../ui/overlay/overlay-styles';
import { createShadowHost } from './shadow-host';

export interface OverlayController {
  show(report: TabReport, hidden: boolean, placement: OverlayPlacement | undefined): void;
  setHidden(hidden: boolean): void;
  setStale(): void;
  setPicking(kind: 'note' | 'charges' | undefined): void;
  root: ShadowRoot;
  host: HTMLElement;
}

export interface OverlayCallbacks {
  onReveal(evidence: Evidence): void;
  onPlacementSaved(placement: OverlayPlacement): void;
  onPick(kind: 'note' | 'charges'): void;
  onHide(): void;
}

const DEFAULT_PLACEMENT: OverlayPlacement = { right: 16, bottom: 16, collapsed: false };

export function initOverlay(callbacks: OverlayCallbacks, signal: AbortSignal): OverlayController {
  const { root, host } = createShadowHost(document, OVERLAY_STYLES, signal);
  const mount = document.createElement('div');
  root.append(mount);
  let report: TabReport | undefined;
  let hidden = true;
  let stale = false;
  let picking: 'note' | 'charges' | undefined;
  let placement: OverlayPlacement = DEFAULT_PLACEMENT;
  let placementFromUser = false;

  let mountStyle = '';
  const draw = () => {
    if (signal.aborted) return;
    // Touching a style, even with the same value, invalidates style on the whole (possibly huge) page.
    const nextStyle = `position:fixed;right:${placement.right}px;bottom:${placement.bottom}px;`;
    if (nextStyle !== mountStyle) {
      mount.style.cssText = nextStyle;
      mountStyle = nextStyle;
    }
    render(
      hidden ? null : (
        <Overlay
          report={report}
          stale={stale}
          placement={placement}
          picking={picking}
          onReveal={callbacks.onReveal}
          onPick={callbacks.onPick}
          onHide={callbacks.onHide}
          onPlacementChange={(next, persist) => {
            placement = clampToViewport(next);
            placementFromUser = true;
            draw();
            if (persist) callbacks.onPlacementSaved(placement);
          }}
        />
      ),
      mount,
    );
  };
  signal.addEventListener('abort', () => render(null, mount), { once: true });
  window.addEventListener('resize', () => draw(), { signal, passive: true });

  return {
    root,
    host,
    show(next, nextHidden, saved) {
      report = next;
      hidden = nextHidden;
      if (saved && !placementFromUser) placement = clampToViewport(saved);
      draw();
    },
    setHidden(next) {
      hidden = next;
      draw();
    },
    setStale() {
      stale = true;
      hidden = false;
      picking = undefined;
      draw();
    },
    setPicking(kind) {
      picking = kind;
      draw();
    },
  };
}

function clampToViewport(placement: OverlayPlacement): OverlayPlacement {
  const maxRight = Math.max(0, window.innerWidth - 120);
  const maxBottom = Math.max(0, window.innerHeight - 40);
  return {
    ...placement,
    right: Math.min(Math.max(0, placement.right), maxRight),
    bottom: Math.min(Math.max(0, placement.bottom), maxBottom),
  };
}
