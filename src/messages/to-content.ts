/** Every message the worker sends to content scripts. Content scripts parse them too: a worker of an older
 * version (during an update) may still be talking. */
import * as z from 'zod/mini';
import { EvidenceSchema, FindingSchema } from '../engine/model';
import { OverlayPlacementSchema } from '../shared/settings';
import { ReadSummarySchema } from '../reader/read-summary';
import { DayReviewSchema } from '../engine/day-review-schema';

/** Why the worker left a frame out of the tab's report. */
export const IgnoreReasonSchema = z.enum([
  /** The frame's own site is not turned on (or its permission was withdrawn). */
  'frame-origin-off',
  /** The frame's site is turned on, but the page around it is a site that is not. */
  'top-origin-off',
  /** The frame's site is paused. */
  'frame-origin-paused',
  /** The tab already has as many frames as GaitGuard takes on. */
  'too-many-frames',
]);
export type IgnoreReason = z.infer<typeof IgnoreReasonSchema>;

export const IgnoredFrameSchema = z.object({ origin: z.string(), reason: IgnoreReasonSchema });
export type IgnoredFrame = z.infer<typeof IgnoredFrameSchema>;

/** Something a size cap left out of the report; the numbers are characters, or frames for 'frames'. */
export const CutSchema = z.object({
  what: z.enum(['snapshot-chars', 'tab-chars', 'frames']),
  origin: z.string(),
  kept: z.number(),
  total: z.number(),
});
export type Cut = z.infer<typeof CutSchema>;

export const TabReportSchema = z.object({
  /** 'ready' once at least one frame has reported; 'empty' when no note or 97116 charge was found. */
  status: z.enum(['ready', 'empty']),
  findings: z.array(FindingSchema),
  noteCount: z.number(),
  chargeCount: z.number(),
  /** Frames of other origins that GaitGuard could not read, for the "turn on this origin too" hint. */
  foreignOrigins: z.array(z.string()),
  warnings: z.array(z.string()),
  method: z.enum(['cms', 'per-code']),
  medicare: z.boolean(),
  /** What was read (sources, lengths, payer basis) and what is missing for a verdict. */
  read: z.optional(ReadSummarySchema),
  /** The day's units table, the recommended claim and each charge line's on-screen name. */
  day: z.optional(DayReviewSchema),
  /** Frames whose snapshots the worker did not use, and why (the popup offers to turn their sites on). */
  ignoredFrames: z.array(IgnoredFrameSchema),
  /** What the size caps left out; the findings only speak for what was kept. */
  cuts: z.array(CutSchema),
  /**
   * True in the copy sent into the page when findings drawn from a frame of another site were reduced to
   * their rule: that frame's text must never reach the top page's DOM, so the overlay points to the popup.
   */
  detailsInPopup: z.boolean(),
  /** Counts up with each analysis of the tab; the popup and overlay ignore a report older than one shown. */
  revision: z.number(),
});
export type TabReport = z.infer<typeof TabReportSchema>;

export const ShowReportMessageSchema = z.object({
  type: z.literal('report'),
  report: TabReportSchema,
  overlayHidden: z.boolean(),
  placement: z.optional(OverlayPlacementSchema),
});
export const ResendMessageSchema = z.object({ type: z.literal('resend') });
export const TeardownMessageSchema = z.object({ type: z.literal('teardown') });
export const ToggleOverlayContentSchema = z.object({
  type: z.literal('toggle-overlay'),
  hidden: z.boolean(),
});
export const RevealEvidenceSchema = z.object({
  type: z.literal('reveal'),
  evidence: EvidenceSchema,
  /** The note's or charge line's id as the receiving frame read it (the merge prefixes ids per frame). */
  localId: z.string(),
});

export const BackgroundToContentSchema = z.discriminatedUnion('type', [
  ShowReportMessageSchema,
  ResendMessageSchema,
  TeardownMessageSchema,
  ToggleOverlayContentSchema,
  RevealEvidenceSchema,
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContentSchema>;
