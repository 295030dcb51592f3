/**
 * Hospital policy (storage.managed: Chrome/Edge managed_schema, Firefox policies.json "3rdparty").
 * Policy presets sites, payer methods and rules off; with `lock` the coder cannot change what it sets.
 */
import * as z from 'zod/mini';
import { RuleIdSchema, UnitMethodSchema } from '../engine/model';
import type { Settings, SiteSettings } from './settings';
import { defaultSiteSettings, siteOriginOf } from './settings';

export const PolicySchema = z.object({
  sites: z.optional(
    z.array(
      z.object({
        origin: z.string(),
        method: z.optional(UnitMethodSchema),
        medicare: z.optional(z.boolean()),
      }),
    ),
  ),
  disabledRules: z.optional(z.array(RuleIdSchema)),
  lock: z.optional(z.boolean()),
});
export type Policy = z.infer<typeof PolicySchema>;

export interface EffectiveSettings extends Settings {
  /** Origins whose switch and method come from policy and are locked. */
  lockedOrigins: string[];
  /** Rules turned off by a locking policy. */
  lockedRules: string[];
  /** Every origin the policy lists, locked or not. */
  policyOrigins: string[];
  policyActive: boolean;
}

/** Overlays policy on the coder's own settings. Policy sites are on unless the coder paused an unlocked one. */
export function applyPolicy(settings: Settings, policy: Policy | undefined): EffectiveSettings {
  const sites: Record<string, SiteSettings> = { ...settings.sites };
  const lockedOrigins: string[] = [];
  const policyOrigins: string[] = [];
  const locked = policy?.lock === true;
  for (const preset of policy?.sites ?? []) {
    const origin = siteOriginOf(preset.origin);
    if (!origin) continue;
    policyOrigins.push(origin);
    const own = sites[origin];
    const base = own ?? defaultSiteSettings(origin);
    sites[origin] = {
      ...base,
      state: locked ? 'on' : base.state,
      method: preset.method && (locked || !own) ? preset.method : base.method,
      medicare: preset.medicare !== undefined && (locked || !own) ? preset.medicare : base.medicare,
    };
    if (locked) lockedOrigins.push(origin);
  }
  const policyRules = policy?.disabledRules ?? [];
  const disabledRules = [...new Set([...settings.disabledRules, ...policyRules])];
  return {
    ...settings,
    sites,
    disabledRules,
    lockedOrigins,
    lockedRules: locked ? policyRules : [],
    policyOrigins,
    policyActive: policy !== undefined,
  };
}
