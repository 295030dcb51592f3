/** Feature: keep the worker up to date with what this frame shows. */
import { watchPage } from '../reader/watch';
import type { FrameSnapshot } from '../reader/snapshot';
import type { ReaderOptions } from '../reader/frame-reader';
import { SNAPSHOT_CHAR_CAP } from '../shared/limits';
import { sendToBackground } from './messenger';

export interface FrameReporter {
  /** The last snapshot sent, for reveal and for the worker's "resend". */
  latest(): FrameSnapshot | undefined;
  resend(): void;
}

/**
 * The notes of a snapshot cut to the per-snapshot cap before they cross to the worker, so a page with
 * huge fields costs the worker no more than the cap (the worker cuts again and reports the cut).
 */
function withinCap(snapshot: FrameSnapshot): FrameSnapshot {
  let total = 0;
  for (const note of snapshot.notes) total += note.text.length;
  if (total <= SNAPSHOT_CHAR_CAP) return snapshot;
  let left = SNAPSHOT_CHAR_CAP;
  const notes = [];
  for (const note of snapshot.notes) {
    if (left <= 0) break;
    notes.push(note.text.length <= left ? note : { ...note, text: note.text.slice(0, left) });
    left -= Math.min(left, note.text.length);
  }
  const warning = `The note fields of this frame hold ${total} characters; only the first ${SNAPSHOT_CHAR_CAP} were checked.`;
  return { ...snapshot, notes, warnings: [...snapshot.warnings.slice(0, 49), warning] };
}

export function initFrameReporter(options: ReaderOptions, signal: AbortSignal): FrameReporter {
  let latest: FrameSnapshot | undefined;
  const send = (snapshot: FrameSnapshot) => {
    latest = withinCap(snapshot);
    void sendToBackground({ type: 'snapshot', snapshot: latest });
  };
  const watcher = watchPage(document, send, { ...options, signal, debounceMs: 150 });
  // Only the browser's own pagehide counts: a page can dispatch a synthetic one to make GaitGuard drop
  // its report. The frame's port closing tells the worker the same thing when the document really goes.
  window.addEventListener(
    'pagehide',
    (event) => {
      if (event.isTrusted) void sendToBackground({ type: 'frame-gone' });
    },
    { signal },
  );
  // A page restored from the back/forward cache said "gone" when it left: report it again.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.isTrusted && event.persisted && latest) send(latest);
    },
    { signal },
  );
  signal.addEventListener('abort', () => void sendToBackground({ type: 'frame-gone' }), { once: true });
  return {
    latest: () => latest,
    resend() {
      if (latest) send(latest);
      else watcher.rescan();
    },
  };
}
