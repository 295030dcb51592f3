/**
 * Every message the worker accepts, from content scripts and from extension pages. The worker parses each
 * one with these schemas before acting; anything else is rejected with a reason.
 */
import * as z from 'zod/mini';
import { FrameSnapshotSchema } from '../reader/snapshot';
import { RuleIdSchema, UnitMethodSchema, EvidenceSchema } from '../engine/model';
import { OverlayPlacementSchema } from '../shared/settings';

/** From a content script: this frame's current view. */
export const SnapshotMessageSchema = z.object({ type: z.literal('snapshot'), snapshot: FrameSnapshotSchema });
/** From a content script: this frame is going away (pagehide), drop its part of the merge. */
export const FrameGoneMessageSchema = z.object({ type: z.literal('frame-gone') });
/** From the top frame's overlay: remember where the coder put it. */
export const SaveOverlayMessageSchema = z.object({
  type: z.literal('save-overlay'),
  placement: OverlayPlacementSchema,
});
/** From the overlay's picker: the coder chose the note field or the charge table on this site. */
export const SavePickMessageSchema = z.object({
  type: z.literal('save-pick'),
  kind: z.enum(['note', 'charges']),
  selector: z.string().check(z.minLength(1), z.maxLength(2048)),
});

const tabId = z.number().check(z.int(), z.minimum(0));
const origin = z.string().check(z.minLength(1), z.maxLength(300));

/** From the popup: everything it shows for a tab. */
export const GetTabStateMessageSchema = z.object({ type: z.literal('get-tab-state'), tabId });
/** From the popup, after the permission was granted inside the click. */
export const EnableSiteMessageSchema = z.object({
  type: z.literal('enable-site'),
  origin,
  tabId: z.optional(tabId),
});
/** From the popup: the frames' sites it ignored, all granted in one permission request inside the click. */
export const EnableSitesMessageSchema = z.object({
  type: z.literal('enable-sites'),
  origins: z.array(origin).check(z.minLength(1), z.maxLength(20)),
  tabId: z.optional(tabId),
});
/** From the options page: forget the note field or charge table the coder picked on a site. */
export const ClearPicksMessageSchema = z.object({
  type: z.literal('clear-picks'),
  origin,
  kind: z.enum(['note', 'charges']),
});
/** From the options page: the coder has seen the unreadable settings record that was kept aside. */
export const DismissSetAsideMessageSchema = z.object({ type: z.literal('dismiss-set-aside') });
/** From an extension page: the worker's counters (snapshots taken in, analyses run). No note content. */
export const GetWorkerStatsMessageSchema = z.object({ type: z.literal('get-worker-stats') });
export const DisableSiteMessageSchema = z.object({ type: z.literal('disable-site'), origin });
export const PauseSiteMessageSchema = z.object({
  type: z.literal('pause-site'),
  origin,
  paused: z.boolean(),
});
export const SetSiteMethodMessageSchema = z.object({
  type: z.literal('set-site-method'),
  origin,
  method: UnitMethodSchema,
  medicare: z.boolean(),
});
export const SetRuleEnabledMessageSchema = z.object({
  type: z.literal('set-rule-enabled'),
  rule: RuleIdSchema,
  enabled: z.boolean(),
  /** For one site only; without it the rule changes everywhere. */
  origin: z.optional(origin),
});
/** From the popup: scroll the page to a finding's evidence and highlight it. */
export const RevealMessageSchema = z.object({ type: z.literal('reveal'), tabId, evidence: EvidenceSchema });
export const ToggleOverlayMessageSchema = z.object({
  type: z.literal('toggle-overlay'),
  tabId: z.optional(tabId),
});

/** From the overlay: the coder clicked a finding; scroll its evidence into view in whichever frame holds it. */
export const RevealRequestMessageSchema = z.object({
  type: z.literal('reveal-request'),
  evidence: EvidenceSchema,
});

/** From the options page. */
export const GetSettingsMessageSchema = z.object({ type: z.literal('get-settings') });
/** From the options page: replacement dated tables (MUE, NCCI) as parsed JSON; validated by the worker. */
export const ImportTablesMessageSchema = z.object({ type: z.literal('import-tables'), tables: z.unknown() });
export const ResetTablesMessageSchema = z.object({ type: z.literal('reset-tables') });

export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  SnapshotMessageSchema,
  RevealRequestMessageSchema,
  FrameGoneMessageSchema,
  SaveOverlayMessageSchema,
  SavePickMessageSchema,
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

export const PageToBackgroundSchema = z.discriminatedUnion('type', [
  GetTabStateMessageSchema,
  EnableSiteMessageSchema,
  EnableSitesMessageSchema,
  ClearPicksMessageSchema,
  DismissSetAsideMessageSchema,
  GetWorkerStatsMessageSchema,
  DisableSiteMessageSchema,
  PauseSiteMessageSchema,
  SetSiteMethodMessageSchema,
  SetRuleEnabledMessageSchema,
  RevealMessageSchema,
  ToggleOverlayMessageSchema,
  GetSettingsMessageSchema,
  ImportTablesMessageSchema,
  ResetTablesMessageSchema,
]);
export type PageToBackground = z.infer<typeof PageToBackgroundSchema>;
