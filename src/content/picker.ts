/**
 * Feature: the element picker. When the heuristics miss, the coder clicks the note field or the charge
 * table; the click is swallowed (the EHR never sees it) and the element's selector is saved for the site.
 * The pill then says what was picked, so a wrong pick (a search box, the patient banner) shows at once.
 */
import { cssPath } from '../reader/selectors';
import { OVERLAY_HOST_TAG } from '../reader/constants';
import type { PickedField } from '../ui/overlay/pill-view';

export interface PickerOptions {
  layer: ShadowRoot;
  onPicked(picked: PickedField): void;
  onDone(): void;
}

const MAX_NAME_CHARS = 60;
const START_WORDS = 8;
const MAX_START_CHARS = 80;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What the coder would call the element: its label, caption, placeholder, title, name or id. */
function labelOf(element: Element): string {
  const doc = element.ownerDocument;
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? doc.getElementById(id)?.textContent : undefined))
    .filter(Boolean)
    .join(' ');
  const labels =
    'labels' in element && element.labels instanceof NodeList
      ? [...(element.labels as NodeListOf<HTMLLabelElement>)].map((label) => label.textContent).join(' ')
      : '';
  const caption = element instanceof HTMLTableElement ? (element.caption?.textContent ?? '') : '';
  for (const candidate of [
    element.getAttribute('aria-label'),
    labelledBy,
    labels,
    caption,
    element.getAttribute('placeholder'),
    element.getAttribute('title'),
    element.getAttribute('name'),
    element.id,
  ]) {
    const text = clip(candidate ?? '', MAX_NAME_CHARS);
    if (text) return text;
  }
  return '';
}

/** The text the reader would take from the element: a field's value, or the element's rendered text. */
function textOf(element: Element): string {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return element.value;
  // A frame's document is never read here: its text belongs to its own origin, and the pill is in this page.
  if (element instanceof HTMLIFrameElement || element instanceof HTMLObjectElement) return '';
  return (element instanceof HTMLElement ? element.innerText : undefined) ?? element.textContent ?? '';
}

/** Describes a picked element of this (the top) document for the pill: what it is, its text, where it is. */
export function describePicked(element: Element, kind: 'note' | 'charges', selector: string): PickedField {
  const label = labelOf(element);
  const role = element.getAttribute('role');
  const what = role ? `${element.localName} (${clip(role, 30)})` : element.localName;
  const text = textOf(element).replace(/\s+/g, ' ').trim();
  const words = text.split(' ').slice(0, START_WORDS).join(' ');
  const start = text ? clip(words.length < text.length ? `${words}…` : words, MAX_START_CHARS) : '';
  const view = element.ownerDocument.defaultView;
  return {
    kind,
    name: label ? `${what} “${label}”` : what,
    chars: text.length,
    start,
    selector,
    top: element.getBoundingClientRect().top + (view?.scrollY ?? 0),
  };
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
      options.onPicked(describePicked(element, kind, cssPath(element)));
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
