/**
 * Feature (top frame only): the in-page pill. It is placed where it covers no form control and never over
 * the focused field, and placed again when the page scrolls, resizes or focus moves (one frame later, at
 * most once a frame). Alt+Shift+F opens its list on the first finding; Escape gives focus back to the field
 * the coder was in.
 */
import type { Evidence } from '../engine/model';
import type { TabReport } from '../messages/to-content';
import { createOverlayView, FOCUS_SHORTCUT, type PickedField } from '../ui/overlay/pill-view';
import { readControls } from '../ui/overlay/obstacles';
import { placePill, type Box } from '../ui/overlay/placement';
import { OVERLAY_STYLES } from '../ui/overlay/overlay-styles';
import { createShadowHost } from './shadow-host';

export interface OverlayController {
  show(report: TabReport, hidden: boolean): void;
  setHidden(hidden: boolean): void;
  setStale(): void;
  setPicking(kind: 'note' | 'charges' | undefined): void;
  /** Shows what the coder picked, with the list open so it is seen at once. */
  setPicked(picked: PickedField): void;
  root: ShadowRoot;
  host: HTMLElement;
}

export interface OverlayCallbacks {
  onReveal(evidence: Evidence): void;
  onPick(kind: 'note' | 'charges'): void;
  onHide(): void;
}

export function initOverlay(callbacks: OverlayCallbacks, signal: AbortSignal): OverlayController {
  const { root, host } = createShadowHost(document, OVERLAY_STYLES, signal);
  const mount = document.createElement('div');
  root.append(mount);
  let report: TabReport | undefined;
  let hidden = true;
  let stale = false;
  let picking: 'note' | 'charges' | undefined;
  let picked: PickedField | undefined;

  let expanded = false;
  let focusFirst = false;
  let spot: Box | undefined;
  let returnFocus: HTMLElement | undefined;
  let mountStyle = '';
  const watched = new WeakSet<Document>();
  let frame = 0;

  const pillSize = () => {
    const pill = root.querySelector('.gg-pill')?.getBoundingClientRect();
    return pill && pill.width > 0 ? { width: pill.width, height: pill.height } : { width: 150, height: 34 };
  };

  /** Finds the pill a spot clear of the page's controls; listens for focus moves in every document it read. */
  const place = () => {
    const controls = readControls(document, host);
    for (const doc of controls.documents) {
      if (watched.has(doc)) continue;
      watched.add(doc);
      doc.addEventListener('focusin', schedule, { signal, capture: true, passive: true });
    }
    spot = placePill(
      pillSize(),
      { width: window.innerWidth, height: window.innerHeight },
      controls.boxes,
      controls.focused,
    );
  };

  function schedule() {
    if (frame || hidden || signal.aborted) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const before = spot;
      place();
      if (!before || !spot || before.left !== spot.left || before.top !== spot.top) draw();
    });
  }

  const view = createOverlayView({
    onExpandedChange(next, fromKeyboard) {
      expanded = next;
      focusFirst = false;
      draw();
      if (!next && fromKeyboard) {
        returnFocus?.focus();
        returnFocus = undefined;
      }
    },
    onReveal: callbacks.onReveal,
    onPick: callbacks.onPick,
    onHide: callbacks.onHide,
  });

  const draw = () => {
    if (signal.aborted) return;
    const at = spot ?? { left: window.innerWidth - 162, top: window.innerHeight - 46 };
    // Touching a style, even with the same value, invalidates style on the whole (possibly huge) page.
    const nextStyle = `position:fixed;left:${Math.round(at.left)}px;top:${Math.round(at.top)}px;`;
    if (nextStyle !== mountStyle) {
      mount.style.cssText = nextStyle;
      mountStyle = nextStyle;
    }
    if (hidden) {
      mount.replaceChildren();
      return;
    }
    view.draw({
      report,
      stale,
      picking,
      picked,
      expanded,
      opensUp: at.top > window.innerHeight / 2,
      alignRight: at.left > window.innerWidth / 2,
      focusFirst,
    });
    if (view.element.parentNode !== mount) mount.append(view.element);
  };
  signal.addEventListener(
    'abort',
    () => {
      if (frame) cancelAnimationFrame(frame);
      mount.replaceChildren();
    },
    { once: true },
  );
  window.addEventListener('resize', schedule, { signal, passive: true });
  window.addEventListener('scroll', schedule, { signal, passive: true, capture: true });
  // The coder's own keystroke only: a page script cannot pull focus into GaitGuard.
  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || hidden || event.key.toUpperCase() !== FOCUS_SHORTCUT.key) return;
      if (event.altKey !== FOCUS_SHORTCUT.altKey || event.shiftKey !== FOCUS_SHORTCUT.shiftKey) return;
      event.preventDefault();
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body && active !== host) returnFocus = active;
      expanded = true;
      focusFirst = true;
      draw();
    },
    { signal, capture: true },
  );

  return {
    root,
    host,
    show(next, nextHidden) {
      report = next;
      hidden = nextHidden;
      draw();
      schedule();
    },
    setHidden(next) {
      hidden = next;
      draw();
      schedule();
    },
    setStale() {
      stale = true;
      hidden = false;
      picking = undefined;
      draw();
      schedule();
    },
    setPicking(kind) {
      picking = kind;
      draw();
    },
    setPicked(next) {
      picked = next;
      hidden = false;
      expanded = true;
      draw();
      schedule();
    },
  };
}
