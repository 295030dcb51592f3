/** Feature: keep the worker up to date with what this frame shows. */
import { watchPage } from '../reader/watch';
import type { FrameSnapshot } from '../reader/snapshot';
import type { ReaderOptions } from '../reader/index';
import { sendToBackground } from './messenger';

export interface FrameReporter {
  /** The last snapshot sent, for reveal and for the worker's "resend". */
  latest(): FrameSnapshot | undefined;
  resend(): void;
}

export function initFrameReporter(options: ReaderOptions, signal: AbortSignal): FrameReporter {
  let latest: FrameSnapshot | undefined;
  const send = (snapshot: FrameSnapshot) => {
    latest = snapshot;
    void sendToBackground({ type: 'snapshot', snapshot });
  };
  const watcher = watchPage(document, send, { ...options, signal, debounceMs: 150 });
  const onPageHide = () => void sendToBackground({ type: 'frame-gone' });
  window.addEventListener('pagehide', onPageHide, { signal });
  // A page restored from the back/forward cache said "gone" when it left: report it again.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted && latest) send(latest);
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
