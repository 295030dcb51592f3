/**
 * The worker's long-lived ports: one per frame that runs GaitGuard (pushes to the overlay, and the frame's
 * lifecycle: a port the browser closes is a frame that is gone), and one per open popup or side panel that
 * follows a tab. Only the browser can open or close these ports, so a page cannot fake either event.
 */
import type browser from 'webextension-polyfill';
import type { BackgroundToContent } from '../messages/to-content';
import type { WorkerToPagePort } from '../messages/to-page';

type Port = browser.Runtime.Port;

const framePorts = new Map<number, Map<number, Port>>();
const pagePorts = new Map<Port, number>();

export function addFramePort(tabId: number, frameId: number, port: Port): void {
  let frames = framePorts.get(tabId);
  if (!frames) framePorts.set(tabId, (frames = new Map()));
  frames.get(frameId)?.disconnect();
  frames.set(frameId, port);
}

/** Forgets a frame's port; false when a newer port of the same frame replaced it meanwhile. */
export function removeFramePort(tabId: number, frameId: number, port: Port): boolean {
  const frames = framePorts.get(tabId);
  if (frames?.get(frameId) !== port) return false;
  frames.delete(frameId);
  if (frames.size === 0) framePorts.delete(tabId);
  return true;
}

export function framePort(tabId: number, frameId: number): Port | undefined {
  return framePorts.get(tabId)?.get(frameId);
}

export function postToFrame(tabId: number, frameId: number, message: BackgroundToContent): boolean {
  const port = framePort(tabId, frameId);
  if (!port) return false;
  try {
    port.postMessage(message);
    return true;
  } catch {
    removeFramePort(tabId, frameId, port);
    return false;
  }
}

export function watchTab(port: Port, tabId: number): void {
  pagePorts.set(port, tabId);
}

export function unwatch(port: Port): void {
  pagePorts.delete(port);
}

export function watchedTabs(): Set<number> {
  return new Set(pagePorts.values());
}

export function postToWatchers(tabId: number, message: WorkerToPagePort): void {
  for (const [port, watched] of pagePorts) {
    if (watched !== tabId) continue;
    try {
      port.postMessage(message);
    } catch {
      pagePorts.delete(port);
    }
  }
}
