/**
 * The content script's view of the stored settings and the hospital policy. The worker validates settings
 * with zod when it writes them; here a light structural read keeps the validator out of the script that runs
 * in every frame. A site is on only when the coder or the policy turned it on: no entry means off.
 */
import type { SiteSettings } from '../shared/settings';

export type SiteView = Pick<SiteSettings, 'state' | 'noteSelectors' | 'chargeSelectors'>;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string').slice(0, 20)
    : undefined;
}

function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** Whether the managed policy lists this origin, and whether it locks its sites on. */
function policyView(managed: unknown, origin: string): { listed: boolean; locked: boolean } {
  if (typeof managed !== 'object' || managed === null) return { listed: false, locked: false };
  const record = managed as { sites?: unknown; lock?: unknown };
  const listed =
    Array.isArray(record.sites) &&
    record.sites.some(
      (site: unknown) =>
        typeof site === 'object' &&
        site !== null &&
        originOf((site as { origin?: unknown }).origin) === origin,
    );
  return { listed, locked: listed && record.lock === true };
}

/** undefined when neither the coder nor the policy turned this origin on. */
export function siteView(storedSettings: unknown, origin: string, managed?: unknown): SiteView | undefined {
  const policy = policyView(managed, origin);
  const sites =
    typeof storedSettings === 'object' && storedSettings !== null
      ? (storedSettings as { sites?: unknown }).sites
      : undefined;
  const own =
    typeof sites === 'object' && sites !== null ? (sites as Record<string, unknown>)[origin] : undefined;
  if (typeof own !== 'object' || own === null) return policy.listed ? { state: 'on' } : undefined;
  const record = own as Record<string, unknown>;
  return {
    state: record.state === 'paused' && !policy.locked ? 'paused' : 'on',
    noteSelectors: stringList(record.noteSelectors),
    chargeSelectors: stringList(record.chargeSelectors),
  };
}

/** Two views are the same for the reader: same state and same picked selectors. */
export function sameView(a: SiteView | undefined, b: SiteView | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
