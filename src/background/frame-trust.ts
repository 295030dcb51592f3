/**
 * Whose word the worker takes. A content script runs in every frame of a page whose site is on, and in
 * every frame of any page that embeds such a site; the browser, not the message, says which frame spoke.
 * A frame's snapshot is used only when its own site is on and either the page around it is on too or the
 * coder allowed that frame's site in that tab. Anything else is ignored, and the report says why.
 */
import type { EffectiveSettings } from '../shared/policy';
import type { IgnoreReason } from '../messages/to-content';

export function frameVerdict(
  settings: EffectiveSettings,
  active: ReadonlySet<string>,
  topOrigin: string,
  frameOrigin: string,
  allowedInTab: ReadonlySet<string> | undefined,
): IgnoreReason | undefined {
  const frameSite = settings.sites[frameOrigin];
  if (frameSite?.state === 'paused') return 'frame-origin-paused';
  // A site with no entry is off, whatever the browser's permissions say (the test builds hold many).
  if (!frameSite || !active.has(frameOrigin)) return 'frame-origin-off';
  if (frameOrigin === topOrigin) return undefined;
  const topSite = settings.sites[topOrigin];
  if (topSite?.state === 'on' && active.has(topOrigin)) return undefined;
  if (allowedInTab?.has(frameOrigin)) return undefined;
  return 'top-origin-off';
}

/**
 * Requests that change what GaitGuard does on a site for later visits (a pick, the overlay's place) come
 * only from the page the coder works in, i.e. the top frame of a site that is on, and only a few a minute.
 */
export function createWriteLimiter(perMinute: number, clock: { now(): number } = Date) {
  const recent = new Map<number, number[]>();
  return {
    allow(tabId: number): boolean {
      const now = clock.now();
      const times = (recent.get(tabId) ?? []).filter((at) => now - at < 60_000);
      if (times.length >= perMinute) {
        recent.set(tabId, times);
        return false;
      }
      times.push(now);
      recent.set(tabId, times);
      return true;
    },
    forget(tabId: number): void {
      recent.delete(tabId);
    },
  };
}
