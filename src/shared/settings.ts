/**
 * Settings are the only thing GaitGuard persists (storage.local). Nothing of a note is ever part of them.
 * A site is an origin: scheme, host and port. Two ports of one host are two sites, because an EHR on one
 * port and another application on the next are run by different people.
 */
import * as z from 'zod/mini';
import { RuleIdSchema, UnitMethodSchema } from '../engine/model';

// The origin helpers live where the popup can load them without the settings' schemas.
export { originPattern, patternsCarryPorts, siteOriginOf } from './origins';

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
