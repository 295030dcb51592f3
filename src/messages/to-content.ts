/** Every message the worker sends to content scripts. Content scripts parse them too: a worker of an older
 * version (during an update) may still be talking. */
import * as z from 'zod/mini';
import { EvidenceSchema, FindingSchema } from '../engine/model';
import { OverlayPlacementSchema } from '../shared/settings';
import { ReadSummarySchema } from '../reader/read-summary';
import { DayReviewSchema } from '../engine/day-review';

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
