import type { EffectiveSettings } from '../shared/policy';

/** What the popup shows for a site. 'blocked' means the switch is on but the browser withdrew the permission. */
export type SiteStateLabel = 'on' | 'paused' | 'off' | 'blocked' | 'unsupported';

export function describeSiteState(
  settings: EffectiveSettings,
  origin: string,
  permitted: boolean,
): SiteStateLabel {
  const site = settings.sites[origin];
  if (!site) return 'off';
  if (site.state === 'paused') return 'paused';
  return permitted ? 'on' : 'blocked';
}
