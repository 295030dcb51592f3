/**
 * What one frame's content script reports: the notes and charge lines the coder can see in that frame.
 * The worker merges the snapshots of all frames of a tab into one Encounter (see merge.ts).
 */
import * as z from 'zod/mini';
import {
  ChargeLineSchema,
  MAX_CHARGE_LINES,
  NoteTextSchema,
  ProviderRoleSchema,
  UnitMethodSchema,
} from '../engine/model';

export const FrameSnapshotSchema = z.object({
  url: z.string().check(z.maxLength(4096)),
  title: z.optional(z.string().check(z.maxLength(1000))),
  /** Note fields; ids are unique within the frame. */
  notes: z.array(NoteTextSchema).check(z.maxLength(200)),
  charges: z.array(ChargeLineSchema).check(z.maxLength(MAX_CHARGE_LINES)),
  /** Date of service when the page shows one (YYYY-MM-DD). */
  dateOfService: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** Payer name and method hints when the page shows the insurance (e.g. "Medicare Part B"). */
  payerName: z.optional(z.string().check(z.maxLength(200))),
  payerMethodHint: z.optional(UnitMethodSchema),
  /** The encounter, visit or account number the page shows (kept in memory only, like the note). */
  encounterId: z.optional(z.string().check(z.maxLength(64))),
  furnishedBy: z.optional(z.array(ProviderRoleSchema).check(z.maxLength(3))),
  /** Origins of child frames this frame could not look into (cross-origin). */
  foreignFrameOrigins: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)),
  /** Plain-language problems met while reading (truncated note, unreadable grid...). Never note text. */
  warnings: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50)),
});
export type FrameSnapshot = z.infer<typeof FrameSnapshotSchema>;
