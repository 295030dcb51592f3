/**
 * Settings are the only thing GaitGuard persists (storage.local). Nothing of a note is ever part of them.
 * A site is an origin: scheme, host and port. Two ports of one host are two sites, because an EHR on one
 * port and another application on the next are run by different people.
 */
import * as z from 'zod/mini';
import { RuleIdSchema, UnitMethodSchema } from '../engine/model';

export const SiteStateSchema = z.enum(['on', 'paused']);
export type SiteState = z.infer<typeof SiteStateSchema>;

export const OverlayPlacementSchema = z.object({
  right: z.number().check(z.minimum(0), z.maximum(10_000)),
  bottom: z.number().check(z.minimum(0), z.maximum(10_000)),
  collapsed: z.boolean(),
});
export type OverlayPlacement = z.infer<typeof OverlayPlacementSchema>;

export const SiteSettingsSchema = z.object({
  /** e.g. "https://emr.example.org" or "http://127.0.0.1:8765" */
  origin: z.string().check(z.maxLength(300)),
  state: SiteStateSchema,
  method: UnitMethodSchema,
  medicare: z.boolean(),
  /** True when the coder chose the method for this site: it then wins over the payer the page shows. */
  methodOverride: z.optional(z.boolean()),
  /** Coder-picked selectors that override the reader's heuristics on this site. */
  noteSelectors: z.optional(z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(20))),
  chargeSelectors: z.optional(z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(20))),
  overlay: z.optional(OverlayPlacementSchema),
  disabledRules: z.optional(z.array(RuleIdSchema)),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/** The version this build writes; older records are migrated forward by settings-migrate.ts. */
export const SETTINGS_VERSION = 2;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  sites: z.record(z.string(), SiteSettingsSchema),
  disabledRules: z.array(RuleIdSchema),
  overlayHidden: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  sites: {},
  disabledRules: [],
  overlayHidden: false,
};

export function defaultSiteSettings(origin: string): SiteSettings {
  return { origin, state: 'on', method: 'cms', medicare: true };
}

/**
 * The origin a site is keyed by (scheme, host and port, as URL.origin gives it), or undefined for pages
 * GaitGuard can never run on (chrome://, about:, files).
 */
export function siteOriginOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Match pattern covering every page of one origin and no other: "http://127.0.0.1:8765/*". Without the
 * port a pattern covers every port of the host, which would hand the permission and the script to whatever
 * else listens there. Firefox matches patterns by host alone; there the content script's and the worker's
 * own origin checks keep other ports out.
 */
export function originPattern(origin: string, portsInPatterns = patternsCarryPorts()): string {
  const { protocol, hostname, port } = new URL(origin);
  return `${protocol}//${hostname}${port && portsInPatterns ? `:${port}` : ''}/*`;
}

/** Chromium honours a port in a match pattern; Firefox (the one with runtime.getBrowserInfo) does not. */
export function patternsCarryPorts(): boolean {
  const firefox = (globalThis as { browser?: { runtime?: { getBrowserInfo?: unknown } } }).browser;
  return typeof firefox?.runtime?.getBrowserInfo !== 'function';
}
