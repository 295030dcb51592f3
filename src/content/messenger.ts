/**
 * The content script's line to the worker: messages out, and one port per frame that the worker pushes
 * on. When the extension is reloaded or updated under an open page, this script's context dies: the port
 * closes and the runtime no longer answers. That channel, which only the browser controls, is how the
 * script learns it is orphaned; nothing the page can dispatch reaches it. We then tear everything down
 * quietly and let the overlay say "reload to re-check".
 */
import browser from '../shared/browser-api';
import type { Runtime } from 'webextension-polyfill';
import type { ContentToBackground } from '../messages/to-background';
import { FRAME_PORT } from '../messages/ports';

export type ContextLostListener = () => void;

let lost = false;
const listeners = new Set<ContextLostListener>();
let port: Runtime.Port | undefined;
let portHandler: ((raw: unknown) => void) | undefined;
let contextWatch: ReturnType<typeof setInterval> | undefined;

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
  closePort();
  for (const listener of listeners) listener();
  listeners.clear();
}

function stopContextWatch(): void {
  if (contextWatch !== undefined) clearInterval(contextWatch);
  contextWatch = undefined;
}

function closePort(): void {
  stopContextWatch();
  const open = port;
  port = undefined;
  try {
    open?.disconnect();
  } catch {
    // Already closed by the browser.
  }
}

/**
 * Opens the frame's port (again). A port also closes when the worker is merely stopped for being idle; then
 * the context is still alive and the port is reopened with the next message, while a light check of the
 * runtime notices an extension reload in the meantime.
 */
function ensurePort(): void {
  if (port || !portHandler || lost) return;
  try {
    const opened = browser.runtime.connect({ name: FRAME_PORT });
    port = opened;
    stopContextWatch();
    opened.onMessage.addListener((raw: unknown) => portHandler?.(raw));
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      if (!isContextAlive()) {
        markLost();
        return;
      }
      stopContextWatch();
      contextWatch = setInterval(() => {
        if (!isContextAlive()) markLost();
      }, 1_000);
    });
  } catch {
    if (!isContextAlive()) markLost();
  }
}

/** Receives what the worker pushes to this frame; the port closes with the signal. */
export function openFramePort(handler: (raw: unknown) => void, signal: AbortSignal): void {
  portHandler = handler;
  ensurePort();
  signal.addEventListener(
    'abort',
    () => {
      portHandler = undefined;
      closePort();
    },
    { once: true },
  );
}

export async function sendToBackground(message: ContentToBackground): Promise<void> {
  if (!isContextAlive()) {
    markLost();
    return;
  }
  ensurePort();
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
