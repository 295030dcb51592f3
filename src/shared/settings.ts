/**
 * Settings are the only thing GaitGuard persists (storage.local). Nothing of a note is ever part of them.
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
  /** e.g. "https://emr.example.org" */
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

export const SettingsSchema = z.object({
  sites: z.record(z.string(), SiteSettingsSchema),
  disabledRules: z.array(RuleIdSchema),
  overlayHidden: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { sites: {}, disabledRules: [], overlayHidden: false };

export function defaultSiteSettings(origin: string): SiteSettings {
  return { origin, state: 'on', method: 'cms', medicare: true };
}

/** The origin a site is keyed by, or undefined for pages GaitGuard can never run on (chrome://, about:, files). */
export function siteOriginOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Match pattern covering every page of an origin ("https://emr.example.org/*"). */
export function originPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  // Match patterns carry no port; a pattern for the host covers every port of it.
  return `${protocol}//${hostname}/*`;
}
