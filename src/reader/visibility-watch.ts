/**
 * Notices when a note field or charge table the last read found starts or stops taking up space: a tab
 * panel shown, a collapsed section opened, a pane toggled by a class or data attribute on an ancestor, a
 * stylesheet rule that changed. No DOM mutation need touch the field itself, and the attribute that did
 * change may be any of the page's own (data-state, aria-selected...). A ResizeObserver reports exactly the
 * fields whose box appeared or vanished, and stays silent on an unchanged page.
 * The frame's own viewport growing from nothing (an iframe in a hidden pane that is shown) counts too.
 */

import { isDeadWrapper } from './tree';

/** Enough for a page's note fields and charge tables; a page with more gets the first ones watched. */
const MAX_TRACKED = 2000;

export interface VisibilityWatch {
  /** Replaces the watched elements with these (after a full read). */
  track(elements: Iterable<Element>): void;
}

function hasBox(entry: ResizeObserverEntry): boolean {
  const box = entry.borderBoxSize?.[0];
  if (box) return box.inlineSize > 0 && box.blockSize > 0;
  return entry.contentRect.width > 0 && entry.contentRect.height > 0;
}

export function watchVisibility(
  view: (Window & typeof globalThis) | null,
  onChange: () => void,
  signal: AbortSignal,
): VisibilityWatch {
  const Observer = view?.ResizeObserver;
  if (!view || !Observer || signal.aborted) return { track() {} };
  const shown = new WeakMap<Element, boolean>();
  let tracked: Element[] = [];
  const observer = new Observer((entries) => {
    let changed = false;
    for (const entry of entries) {
      const now = hasBox(entry);
      const before = shown.get(entry.target);
      shown.set(entry.target, now);
      if (before !== now) changed = true;
    }
    if (changed) onChange();
  });
  let viewportEmpty = view.innerWidth === 0 || view.innerHeight === 0;
  const onResize = (): void => {
    const empty = view.innerWidth === 0 || view.innerHeight === 0;
    if (empty !== viewportEmpty) {
      viewportEmpty = empty;
      onChange();
    }
  };
  view.addEventListener('resize', onResize);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      view.removeEventListener('resize', onResize);
    },
    { once: true },
  );
  return {
    track(elements) {
      if (signal.aborted) return;
      const next: Element[] = [];
      for (const el of elements) {
        if (next.length >= MAX_TRACKED) break;
        next.push(el);
      }
      const keep = new Set(next);
      // An element whose frame got a new document went with it; asking to unobserve it would throw.
      for (const el of tracked) if (!keep.has(el) && !isDeadWrapper(el)) observer.unobserve(el);
      const before = new Set(tracked);
      for (const el of next) {
        if (before.has(el)) continue;
        // How it was when the read that found it ran (layout is fresh then): the observer's first report
        // of an element that has not changed since is no change.
        const rect = el.getBoundingClientRect();
        shown.set(el, rect.width > 0 && rect.height > 0);
        observer.observe(el);
      }
      tracked = next;
    },
  };
}
