/**
 * For GaitGuard's own pages (popup, side panel): follow one tab's state over a port. The worker sends it
 * at once and again after every change; the page never polls. When the worker is stopped the port closes;
 * it is reopened, which wakes the worker, and the state arrives again.
 */
import browser from '../shared/browser-api';
import { TAB_STATE_PORT } from './ports';
import type { TabState, WorkerToPagePort } from './to-page';

export function followTabState(tabId: number, onState: (state: TabState) => void, signal: AbortSignal): void {
  let revision = -1;
  const connect = () => {
    if (signal.aborted) return;
    const port = browser.runtime.connect({ name: TAB_STATE_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as WorkerToPagePort;
      if (message?.type !== 'tab-state' || message.state.tabId !== tabId) return;
      // A state built before a newer analysis can arrive after it; the newer one stands.
      const next = message.state.report?.revision ?? revision;
      if (message.state.report && next < revision) return;
      revision = next;
      onState(message.state);
    });
    port.onDisconnect.addListener(() => {
      if (!signal.aborted) setTimeout(connect, 100);
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
    port.postMessage({ type: 'watch', tabId });
  };
  connect();
}
