/**
 * Per-site activation, after fregante's webext-dynamic-content-scripts pattern: optional host permissions,
 * one runtime registration covering every enabled origin, injection into tabs that were already open, and
 * reconciliation whenever settings or permissions change (including revocations from the browser's UI).
 */
import browser from 'webextension-polyfill';
import contentScriptFile from '../content/content-script.ts?script&iife';
import { originPattern } from '../shared/settings';
import type { EffectiveSettings } from '../shared/policy';

export const CONTENT_SCRIPT_ID = 'gaitguard-reader';

const isFirefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

export async function hasOriginPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/** The origins whose scripts should run now: switched on and still permitted. */
export async function activeOrigins(settings: EffectiveSettings): Promise<string[]> {
  const candidates = Object.values(settings.sites).filter((site) => site.state === 'on');
  const permitted = await Promise.all(candidates.map((site) => hasOriginPermission(site.origin)));
  return candidates.filter((_, index) => permitted[index]).map((site) => site.origin);
}

export async function syncRegistration(origins: readonly string[]): Promise<void> {
  const matches = [...new Set(origins.map((origin) => originPattern(origin)))].sort();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return;
  }
  const script: browser.Scripting.RegisteredContentScript = {
    id: CONTENT_SCRIPT_ID,
    js: [contentScriptFile],
    matches,
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  // Chromium only: also run in about:blank/srcdoc frames (rich-text editors) of matching pages.
  if (!isFirefox) Object.assign(script, { matchOriginAsFallback: true });
  if (existing.length > 0) {
    await browser.scripting.updateContentScripts([script]);
  } else {
    await browser.scripting.registerContentScripts([script]);
  }
}

/** Runs the reader in tabs of the origin that were open before it was switched on. */
export async function injectIntoOpenTabs(origin: string): Promise<void> {
  const tabs = await browser.tabs.query({ url: originPattern(origin) });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await browser.scripting.executeScript({
          target: { tabId: tab.id, allFrames: true },
          files: [contentScriptFile],
        });
      } catch {
        // A tab that is closing, discarded or showing an error page cannot take the script; it gets it on load.
      }
    }),
  );
}

/**
 * Asks every reader of the origin in open tabs to remove itself and its overlay: tabs showing the site, by
 * their top origin (scheme, host and port). Frames of the site inside other pages are reached by the worker
 * through their ports, and each script also stops itself when it sees its site turned off.
 */
export async function teardownOpenTabs(origin: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url) return;
      let tabOrigin: string | undefined;
      try {
        tabOrigin = new URL(tab.url).origin;
      } catch {
        return;
      }
      if (tabOrigin !== origin) return;
      await browser.tabs.sendMessage(tab.id, { type: 'teardown' }).catch(() => undefined);
    }),
  );
}
