/**
 * Keeps a frame's snapshot current: a debounced MutationObserver, input/change events, SPA navigations and
 * late editor iframes. Reports a snapshot only when its content changed.
 */
import {
  readFrameDetailed,
  readFrameReusing,
  type FrameReading,
  type ReaderOptions,
  type ReadingDetail,
  type TargetField,
} from './frame-reader';
import { updateEditableNote, updateValueNote } from './targeted';
import { isDeadWrapper } from './tree';
import { isInsideOverlay, isOverlayHost } from './visibility';
import { watchVisibility } from './visibility-watch';
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
  for (const note of snapshot.notes)
    parts.push('n', note.id, note.source.label ?? '', note.text, String(note.cutFrom ?? ''));
  for (const line of snapshot.charges) {
    parts.push(
      'c',
      line.id,
      line.code,
      String(line.units),
      line.modifiers.join(':'),
      line.status,
      String(line.minutes ?? ''),
      line.unitsAssumed ? 'u' : '',
    );
  }
  parts.push(
    'f',
    snapshot.dateOfService ?? '',
    snapshot.payerName ?? '',
    snapshot.payerMethodHint ?? '',
    snapshot.encounterId ?? '',
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

const CONTROL_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const VALUE_ATTRIBUTES = new Set(['value', 'checked', 'selected']);
// A scan reads the text of labels and headings; a textarea's default text inside one is markup, not a value.
const TEXT_READING_ANCESTORS = 'label,h1,h2,h3,h4,h5,h6,legend,[role="heading"]';

/**
 * The control whose value alone a mutation changes (a framework syncing the value attribute, or a textarea's
 * default text), or undefined when the mutation can change what a scan collects.
 */
function valueOnlyControl(record: MutationRecord): Element | undefined {
  const target = record.target;
  if (record.type === 'attributes') {
    const el = target as Element;
    if (!VALUE_ATTRIBUTES.has(record.attributeName ?? '')) return undefined;
    if (CONTROL_TAGS.has(el.tagName)) return el;
    return el.tagName === 'OPTION' ? (el.closest('select') ?? undefined) : undefined;
  }
  const parent = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (parent?.tagName !== 'TEXTAREA' || parent.closest(TEXT_READING_ANCESTORS)) return undefined;
  return parent;
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

  // What changed since the last read: `dirty` needs a full scan; the rest can be applied to `reading`.
  let dirty = true;
  /** Control values changed (no markup): the cached scan still holds. */
  let valuesOnly = false;
  const changedValueNotes = new Set<TargetField>();
  const changedEditors = new Set<TargetField>();
  /** An editor was re-read on its own since the last scan, so that scan no longer matches its subtree. */
  let scanStale = false;
  let reading: (FrameReading & { detail?: ReadingDetail }) | undefined;
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
    // A frame document replaced since took its listeners with it, and cannot be asked to remove them.
    removers.push(() => {
      if (!isDeadWrapper(target)) target.removeEventListener(type, handler, capture);
    });
  };

  const onChange = (): void => {
    markDirty();
  };

  const visibility = watchVisibility(view, () => markDirty(), signal);

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    if (signal.aborted) return;
    if (doc.URL !== lastUrl) {
      navigated();
      return;
    }
    let changed = false;
    for (const record of records) {
      if (isOwnMutation(record)) continue;
      changed = true;
      if (!dirty) classifyMutation(record);
    }
    if (changed) schedule();
  });

  function targetFor(el: Element | undefined): TargetField | undefined {
    return el ? reading?.detail?.targets.find((target) => target.el === el) : undefined;
  }

  /** The editor target whose subtree holds `node` (the editor itself only when `inclusive`). */
  function editorHolding(node: Node, inclusive: boolean): TargetField | undefined {
    return reading?.detail?.targets.find(
      (target) =>
        target.kind === 'editable' &&
        !isDeadWrapper(target.el) &&
        (node === target.el ? inclusive : target.el.contains(node)),
    );
  }

  function valueChanged(control: Element): void {
    const target = targetFor(control);
    if (target?.kind === 'value') changedValueNotes.add(target);
    else valuesOnly = true;
  }

  function classifyMutation(record: MutationRecord): void {
    const control = valueOnlyControl(record);
    if (control) {
      valueChanged(control);
      return;
    }
    // An attribute of the editor itself (contenteditable, hidden, style) can change whether it is a note.
    const editor = editorHolding(record.target, record.type !== 'attributes');
    if (editor) changedEditors.add(editor);
    else dirty = true;
  }

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
    const target = (event.composedPath?.()[0] ?? event.target) as Node | null;
    if (target && isInsideOverlay(target)) return;
    if (!dirty && target) classifyInput(target);
    schedule();
  }

  function classifyInput(target: Node): void {
    const editor = editorHolding(target, true);
    if (editor) {
      changedEditors.add(editor);
      return;
    }
    // A value typed into a control changes no markup, so whatever the scan collected still stands.
    if (target.nodeType === 1 && CONTROL_TAGS.has((target as Element).tagName))
      valueChanged(target as Element);
    else dirty = true;
  }

  function onLoad(event: Event): void {
    const target = event.target as Element | null;
    if (target && (target.tagName === 'IFRAME' || target.tagName === 'FRAME')) markDirty();
  }

  /**
   * The app moved to another URL without a page load, perhaps another patient: what this frame showed is
   * withdrawn at once (an empty snapshot of the new URL), and the new view is read once it has settled.
   */
  function navigated(): void {
    lastUrl = doc.URL;
    if (lastSignature !== '') {
      const empty: FrameSnapshot = {
        url: lastUrl.slice(0, 4096),
        notes: [],
        charges: [],
        foreignFrameOrigins: [],
        warnings: [],
      };
      lastSignature = snapshotSignature(empty);
      onSnapshot(empty);
    }
    markDirty();
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

  /** Values set by script fire no event: compare the controls the last read used with what they hold now. */
  function pollValues(): void {
    if (!reading) return;
    const controls = reading.controls;
    if (controls.length !== controlStates.length) {
      dirty = true;
      return;
    }
    controls.forEach((control, index) => {
      // A control of a frame document that has been replaced: what the frame shows now needs a full read.
      if (isDeadWrapper(control)) dirty = true;
      else if (controlState(control) !== controlStates[index]) valueChanged(control);
    });
  }

  /**
   * The reading after the changes recorded since the last one, without a full scan when they allow it:
   * notes of known fields get their new text, and changed control values are read against the cached scan.
   */
  function updatedReading(): FrameReading | undefined {
    const current = reading;
    if (!current?.detail || dirty) return undefined;
    const detailed = current as FrameReading & { detail: ReadingDetail };
    if (valuesOnly) {
      // An editor re-read alone has left the cached scan behind; mixing both kinds is rare enough.
      if (scanStale || changedEditors.size > 0) return undefined;
      try {
        return readFrameReusing(doc, readerOptions, detailed.detail.scan);
      } catch {
        return undefined;
      }
    }
    let next: (FrameReading & { detail: ReadingDetail }) | undefined = detailed;
    for (const target of changedValueNotes) next = next && updateValueNote(next, target);
    for (const target of changedEditors) next = next && updateEditableNote(next, target);
    if (next && changedEditors.size > 0) scanStale = true;
    return next;
  }

  function scan(): void {
    if (signal.aborted) return;
    if (!dirty) pollValues();
    if (!dirty && reading && !valuesOnly && changedValueNotes.size === 0 && changedEditors.size === 0) return;
    const updated = updatedReading();
    if (updated) {
      reading = updated;
    } else {
      reading = readFrameDetailed(doc, readerOptions);
      scanStale = false;
      const found = reading.detail?.scan;
      if (found) {
        visibility.track(
          [
            found.textareas,
            found.editables,
            found.reportCandidates,
            found.tables,
            found.ariaGrids,
            found.codeControls,
          ]
            .flat()
            .map(({ el }) => el),
        );
      }
    }
    dirty = false;
    valuesOnly = false;
    changedValueNotes.clear();
    changedEditors.clear();
    controlStates = reading.controls.map(controlState);
    for (const root of reading.roots) observe(root);
    const signature = snapshotSignature(reading.snapshot);
    if (signature === lastSignature) return;
    lastSignature = signature;
    onSnapshot(reading.snapshot);
  }

  observe(doc);
  if (view) {
    const onHistory = (): void => (doc.URL !== lastUrl ? navigated() : onChange());
    listen(view, 'popstate', onHistory, false);
    listen(view, 'hashchange', onHistory, false);
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
      if (doc.URL !== lastUrl) navigated();
      scan();
    },
  };
}
