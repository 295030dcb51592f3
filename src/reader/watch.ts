/**
 * Keeps a frame's snapshot current: a debounced MutationObserver, input/change events, SPA navigations and
 * late editor iframes. Reports a snapshot only when its content changed.
 */
import { readFrameDetailed, type FrameReading, type ReaderOptions } from './index';
import { isInsideOverlay, isOverlayHost } from './dom';
import type { FrameSnapshot } from './snapshot';
import { hashString } from './text';

export interface WatchOptions extends ReaderOptions {
  signal: AbortSignal;
  /** Quiet time after the last change before a re-read (default 250 ms). */
  debounceMs?: number;
  /** Longest a stream of changes may delay a re-read (default 1000 ms). */
  maxWaitMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_MAX_WAIT_MS = 1000;

/** Attributes that change what the coder sees or what a field holds; the rest (e.g. data-*) are ignored. */
const WATCHED_ATTRIBUTES = [
  'hidden',
  'aria-hidden',
  'inert',
  'open',
  'style',
  'class',
  'value',
  'checked',
  'selected',
  'contenteditable',
  'aria-expanded',
  'role',
  'src',
  'srcdoc',
  'name',
];

/** A cheap fingerprint of what the engine sees: notes, charges and page facts (not the warnings). */
export function snapshotSignature(snapshot: FrameSnapshot): string {
  const parts: string[] = [];
  for (const note of snapshot.notes) parts.push('n', note.id, note.source.label ?? '', note.text);
  for (const line of snapshot.charges) {
    parts.push(
      'c',
      line.id,
      line.code,
      String(line.units),
      line.modifiers.join(':'),
      line.status,
      String(line.minutes ?? ''),
    );
  }
  parts.push(
    'f',
    snapshot.dateOfService ?? '',
    snapshot.payerName ?? '',
    snapshot.payerMethodHint ?? '',
    (snapshot.furnishedBy ?? []).join(','),
    snapshot.foreignFrameOrigins.join(','),
  );
  const joined = parts.join('\u0000');
  return `${joined.length.toString(36)}.${hashString(joined)}${hashString(joined, 0x2f3a9b1d)}`;
}

function controlState(el: Element): string {
  const input = el as HTMLInputElement;
  return input.type === 'checkbox' || input.type === 'radio' ? String(input.checked) : input.value;
}

function isOwnMutation(record: MutationRecord): boolean {
  if (isInsideOverlay(record.target)) return true;
  if (record.type !== 'childList') return false;
  const changed = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return changed.length > 0 && changed.every((node) => node.nodeType === 1 && isOverlayHost(node as Element));
}

export function watchPage(
  doc: Document,
  onSnapshot: (snapshot: FrameSnapshot) => void,
  options: WatchOptions,
): { rescan(): void } {
  const { signal } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = Math.max(options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS, debounceMs);
  const readerOptions: ReaderOptions = {
    noteSelectors: options.noteSelectors,
    chargeSelectors: options.chargeSelectors,
    ignoreSelector: options.ignoreSelector,
  };
  const view = doc.defaultView;
  const setTimer = (fn: () => void, ms: number): ReturnType<typeof setTimeout> =>
    view ? (view.setTimeout(fn, ms) as unknown as ReturnType<typeof setTimeout>) : setTimeout(fn, ms);
  const clearTimer = (id: ReturnType<typeof setTimeout> | undefined): void => {
    if (id === undefined) return;
    if (view) view.clearTimeout(id as unknown as number);
    else clearTimeout(id);
  };

  let dirty = true;
  let reading: FrameReading | undefined;
  let lastSignature = '';
  let controlStates: string[] = [];
  let lastUrl = doc.URL;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  const observedRoots = new WeakSet<Node>();
  const listenedDocs = new WeakSet<Document>();
  // Removed by hand on abort: jsdom rejects an AbortSignal from another realm in addEventListener.
  const removers: Array<() => void> = [];
  const listen = (
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    capture: boolean,
  ): void => {
    target.addEventListener(type, handler, capture);
    removers.push(() => target.removeEventListener(type, handler, capture));
  };

  const onChange = (): void => {
    markDirty();
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    if (signal.aborted) return;
    if (doc.URL !== lastUrl) {
      lastUrl = doc.URL;
      markDirty();
      return;
    }
    if (records.some((record) => !isOwnMutation(record))) markDirty();
  });

  const observe = (root: Document | ShadowRoot): void => {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    const ownerDoc = root.nodeType === 9 ? (root as Document) : null;
    if (ownerDoc && !listenedDocs.has(ownerDoc)) {
      listenedDocs.add(ownerDoc);
      listen(ownerDoc, 'input', onInput, true);
      listen(ownerDoc, 'change', onInput, true);
      // Load events do not bubble, but they do pass the document in the capture phase: late iframes.
      listen(ownerDoc, 'load', onLoad, true);
    }
  };

  function onInput(event: Event): void {
    const target = event.composedPath?.()[0] ?? event.target;
    if (target instanceof Object && isInsideOverlay(target as Node)) return;
    markDirty();
  }

  function onLoad(event: Event): void {
    const target = event.target as Element | null;
    if (target && (target.tagName === 'IFRAME' || target.tagName === 'FRAME')) markDirty();
  }

  function markDirty(): void {
    dirty = true;
    schedule();
  }

  function schedule(): void {
    if (signal.aborted) return;
    clearTimer(debounceTimer);
    debounceTimer = setTimer(flush, debounceMs);
    maxWaitTimer ??= setTimer(flush, maxWaitMs);
  }

  function flush(): void {
    clearTimer(debounceTimer);
    clearTimer(maxWaitTimer);
    debounceTimer = undefined;
    maxWaitTimer = undefined;
    scan();
  }

  function valuesChanged(): boolean {
    if (!reading) return true;
    const controls = reading.controls;
    if (controls.length !== controlStates.length) return true;
    return controls.some((control, index) => controlState(control) !== controlStates[index]);
  }

  function scan(): void {
    if (signal.aborted) return;
    if (!dirty && reading && !valuesChanged()) return;
    reading = readFrameDetailed(doc, readerOptions);
    dirty = false;
    controlStates = reading.controls.map(controlState);
    for (const root of reading.roots) observe(root);
    const signature = snapshotSignature(reading.snapshot);
    if (signature === lastSignature) return;
    lastSignature = signature;
    onSnapshot(reading.snapshot);
  }

  observe(doc);
  if (view) {
    listen(view, 'popstate', onChange, false);
    listen(view, 'hashchange', onChange, false);
  }
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const remove of removers.splice(0)) remove();
      clearTimer(debounceTimer);
      clearTimer(maxWaitTimer);
      debounceTimer = undefined;
      maxWaitTimer = undefined;
    },
    { once: true },
  );
  if (!signal.aborted) scan();
  return {
    rescan(): void {
      if (doc.URL !== lastUrl) {
        lastUrl = doc.URL;
        dirty = true;
      }
      scan();
    },
  };
}
