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

export interface PolicyRead {
  /** What applies: every key and list entry that parsed. undefined when no policy is installed. */
  policy: Policy | undefined;
  /** One line per key or entry that did not parse and was left out, for the options page. */
  problems: string[];
}

const KNOWN_KEYS = new Set(['sites', 'disabledRules', 'lock']);

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Reads a managed policy key by key and entry by entry, so one misspelt rule id or a method in capitals
 * costs only that entry: the rest, the lock included, still applies, and the problem is listed.
 */
export function parsePolicy(raw: unknown): PolicyRead {
  if (raw === undefined || raw === null) return { policy: undefined, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy: undefined, problems: ['The policy is not an object; none of it applies.'] };
  }
  const record = raw as Record<string, unknown>;
  if (Object.keys(record).length === 0) return { policy: undefined, problems: [] };
  const problems: string[] = [];
  const policy: Policy = {};
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`Unknown policy key "${key}" was ignored.`);
  }
  if ('lock' in record) {
    if (typeof record.lock === 'boolean') policy.lock = record.lock;
    else problems.push(`"lock" must be true or false, not ${shown(record.lock)}; the lock is off.`);
  }
  if ('disabledRules' in record) {
    if (!Array.isArray(record.disabledRules)) {
      problems.push(`"disabledRules" must be a list of rule ids, not ${shown(record.disabledRules)}.`);
    } else {
      policy.disabledRules = [];
      for (const rule of record.disabledRules) {
        const parsed = RuleIdSchema.safeParse(rule);
        if (parsed.success) policy.disabledRules.push(parsed.data);
        else problems.push(`"disabledRules": ${shown(rule)} is not a GaitGuard rule id; it was left out.`);
      }
    }
  }
  if ('sites' in record) {
    if (!Array.isArray(record.sites)) {
      problems.push(`"sites" must be a list of sites, not ${shown(record.sites)}.`);
    } else {
      policy.sites = [];
      record.sites.forEach((entry: unknown, index) => {
        const site = readPolicySite(entry, index, problems);
        if (site) policy.sites!.push(site);
      });
    }
  }
  return { policy, problems };
}

type PolicySite = NonNullable<Policy['sites']>[number];

function readPolicySite(entry: unknown, index: number, problems: string[]): PolicySite | undefined {
  const where = `"sites"[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${where} is not a site entry (${shown(entry)}); it was left out.`);
    return undefined;
  }
  const record = entry as Record<string, unknown>;
  const origin = typeof record.origin === 'string' ? siteOriginOf(record.origin) : undefined;
  if (!origin) {
    problems.push(`${where}: ${shown(record.origin)} is not an http(s) origin; the site was left out.`);
    return undefined;
  }
  const site: PolicySite = { origin };
  if ('method' in record) {
    const method = UnitMethodSchema.safeParse(record.method);
    if (method.success) site.method = method.data;
    else problems.push(`${where} (${origin}): method ${shown(record.method)} is not "cms" or "per-code".`);
  }
  if ('medicare' in record) {
    if (typeof record.medicare === 'boolean') site.medicare = record.medicare;
    else problems.push(`${where} (${origin}): "medicare" must be true or false.`);
  }
  return site;
}

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
