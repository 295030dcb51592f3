/**
 * The content script's view of the stored settings. The worker validates settings with zod when it writes
 * them; here a light structural read keeps the validator out of the script that runs in every frame.
 */
import type { SiteSettings } from '../shared/settings';

export type SiteView = Pick<SiteSettings, 'state' | 'noteSelectors' | 'chargeSelectors'>;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string').slice(0, 20)
    : undefined;
}

/** undefined when this origin has no entry (a policy site, or not switched on). */
export function siteView(storedSettings: unknown, origin: string): SiteView | undefined {
  if (typeof storedSettings !== 'object' || storedSettings === null) return undefined;
  const sites = (storedSettings as { sites?: unknown }).sites;
  if (typeof sites !== 'object' || sites === null) return undefined;
  const site = (sites as Record<string, unknown>)[origin];
  if (typeof site !== 'object' || site === null) return undefined;
  const record = site as Record<string, unknown>;
  return {
    state: record.state === 'paused' ? 'paused' : 'on',
    noteSelectors: stringList(record.noteSelectors),
    chargeSelectors: stringList(record.chargeSelectors),
  };
}
