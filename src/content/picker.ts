/**
 * Feature: the element picker. When the heuristics miss, the coder clicks the note field or the charge
 * table; the click is swallowed (the EHR never sees it) and the element's selector is saved for the site.
 */
import { cssPath } from '../reader/index';
import { OVERLAY_HOST_TAG } from '../reader/constants';

export interface PickerOptions {
  layer: ShadowRoot;
  onPicked(selector: string): void;
  onDone(): void;
}

function pickable(target: EventTarget | null, kind: 'note' | 'charges'): Element | undefined {
  if (!(target instanceof Element) || target.closest(OVERLAY_HOST_TAG)) return undefined;
  if (kind === 'charges')
    return target.closest('table, [role="grid"], [role="table"], [role="treegrid"]') ?? target;
  return (
    target.closest('textarea, [contenteditable=""], [contenteditable="true"], [role="textbox"]') ?? target
  );
}

export function startPicker(
  kind: 'note' | 'charges',
  options: PickerOptions,
  signal: AbortSignal,
): () => void {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) return;
    controller.abort();
    box.remove();
    options.onDone();
  };
  signal.addEventListener('abort', stop, { once: true });
  const box = document.createElement('div');
  box.className = 'gg-pick-box';
  box.hidden = true;
  options.layer.append(box);
  const listen = { capture: true, signal: controller.signal } as const;

  document.addEventListener(
    'mousemove',
    (event) => {
      if (!event.isTrusted) return;
      const element = pickable(event.target, kind);
      if (!element) {
        box.hidden = true;
        return;
      }
      const rect = element.getBoundingClientRect();
      box.hidden = false;
      box.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;`;
    },
    { ...listen, passive: true },
  );
  // Only the coder's own input picks: a page script can click a decoy (element.click() and dispatched
  // events are untrusted) to plant a selector of its choosing for every later visit.
  const swallow = (event: Event) => {
    if (!event.isTrusted || !pickable(event.target, kind)) return;
    event.preventDefault();
    event.stopPropagation();
    event.stopImmediatePropagation();
  };
  document.addEventListener('mousedown', swallow, listen);
  document.addEventListener('mouseup', swallow, listen);
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const element = pickable(event.target, kind);
      if (!element) return;
      swallow(event);
      options.onPicked(cssPath(element));
      stop();
    },
    listen,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.key !== 'Escape') return;
      event.preventDefault();
      stop();
    },
    listen,
  );
  return stop;
}
