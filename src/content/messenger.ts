/**
 * The content script's only line to the worker. When the extension is reloaded or updated under an open
 * page, this script's context dies: every call then fails with "Extension context invalidated". We catch
 * that once, tear everything down quietly and let the overlay say "reload to re-check".
 */
import browser from 'webextension-polyfill';
import type { ContentToBackground } from '../messages/to-background';

export type ContextLostListener = () => void;

let lost = false;
const listeners = new Set<ContextLostListener>();

export function onContextLost(listener: ContextLostListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isContextAlive(): boolean {
  if (lost) return false;
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function markLost(): void {
  if (lost) return;
  lost = true;
  for (const listener of listeners) listener();
  listeners.clear();
}

export async function sendToBackground(message: ContentToBackground): Promise<void> {
  if (!isContextAlive()) {
    markLost();
    return;
  }
  try {
    await browser.runtime.sendMessage(message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // A worker that is starting up may miss one message; only a dead context is final.
    if (
      /context invalidated|Extension context|Receiving end does not exist|disconnected/i.test(text) &&
      !isContextAlive()
    ) {
      markLost();
    }
  }
}
