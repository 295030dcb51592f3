/**
 * What GaitGuard read on the tab, for the coder to see at a glance: each note with its source and length,
 * each charge line, the payer and unit method and why, the date of service and encounter number, and what is
 * missing for a verdict. Never note text: lengths and labels only. Held in memory with the tab's report.
 */
import * as z from 'zod/mini';
import { UnitMethodSchema, type Encounter } from '../engine/model';
import type { PayerDecision } from './payer-methods';

const GAIT_CODE = '97116';

export const ReadNoteSchema = z.object({
  label: z.string().check(z.maxLength(500)),
  frameId: z.number(),
  chars: z.number(),
  /** The field's full length when it was cut at the size cap. */
  cutFrom: z.optional(z.number()),
  kind: z.enum(['note', 'time']),
  /** Read in another view of the same encounter that is no longer on screen. */
  offScreen: z.optional(z.boolean()),
});
export type ReadNote = z.infer<typeof ReadNoteSchema>;

export const ReadChargeSchema = z.object({
  code: z.string().check(z.maxLength(5)),
  units: z.number(),
  unitsAssumed: z.optional(z.boolean()),
  modifiers: z.array(z.string()),
  frameId: z.number(),
  /** The table, grid or field group it came from. */
  table: z.optional(z.string().check(z.maxLength(500))),
  offScreen: z.optional(z.boolean()),
});
export type ReadCharge = z.infer<typeof ReadChargeSchema>;

/** Why nothing can be judged yet: no note at all, or no 97116 line that is not deleted. */
export const MissingSchema = z.enum(['note', 'gait-line']);
export type Missing = z.infer<typeof MissingSchema>;

export const ReadSummarySchema = z.object({
  notes: z.array(ReadNoteSchema).check(z.maxLength(200)),
  charges: z.array(ReadChargeSchema).check(z.maxLength(200)),
  payer: z.object({
    pageName: z.optional(z.string().check(z.maxLength(200))),
    method: UnitMethodSchema,
    medicare: z.boolean(),
    basis: z.enum(['page', 'override', 'site', 'unmapped']),
  }),
  dateOfService: z.optional(z.string()),
  encounterId: z.optional(z.string().check(z.maxLength(64))),
  /** Where the encounter number came from: shown on the page, or only in the address (the app's route). */
  encounterFrom: z.optional(z.enum(['page', 'address'])),
  missing: z.array(MissingSchema),
  /** The encounter on screen changed since the last report of this tab: earlier findings were dropped. */
  encounterChanged: z.optional(z.boolean()),
});
export type ReadSummary = z.infer<typeof ReadSummarySchema>;

export interface SummaryInput {
  encounter: Encounter;
  payer: PayerDecision;
  encounterId?: string;
  encounterFrom?: 'page' | 'address';
  /** Merged note and charge ids that come from a view no longer on screen. */
  offScreenIds?: ReadonlySet<string>;
  encounterChanged?: boolean;
}

function frameOf(source: { frameId?: number }): number {
  return source.frameId ?? 0;
}

/** What is missing before a verdict can be given: a therapist's note, and a 97116 line still on the claim. */
export function missingFor(encounter: Encounter): Missing[] {
  const missing: Missing[] = [];
  if (!encounter.notes.some((note) => (note.kind ?? 'note') === 'note')) missing.push('note');
  if (!encounter.charges.some((line) => line.code === GAIT_CODE && line.status !== 'deleted'))
    missing.push('gait-line');
  return missing;
}

export function summarizeRead(input: SummaryInput): ReadSummary {
  const { encounter, payer } = input;
  const offScreen = input.offScreenIds ?? new Set<string>();
  const notes = encounter.notes.map((note): ReadNote => {
    const item: ReadNote = {
      label: note.source.label ?? 'Note',
      frameId: frameOf(note.source),
      chars: note.text.length,
      kind: note.kind ?? 'note',
    };
    if (note.cutFrom !== undefined) item.cutFrom = note.cutFrom;
    if (offScreen.has(note.id)) item.offScreen = true;
    return item;
  });
  const charges = encounter.charges
    .filter((line) => line.status !== 'deleted')
    .map((line): ReadCharge => {
      const item: ReadCharge = {
        code: line.code,
        units: line.units,
        modifiers: [...line.modifiers],
        frameId: frameOf(line.source),
      };
      if (line.unitsAssumed) item.unitsAssumed = true;
      if (line.source.label) item.table = line.source.label;
      if (offScreen.has(line.id)) item.offScreen = true;
      return item;
    });
  const summary: ReadSummary = {
    notes: notes.slice(0, 200),
    charges: charges.slice(0, 200),
    payer: { method: payer.method, medicare: payer.medicare, basis: payer.basis },
    missing: missingFor(encounter),
  };
  if (payer.pageName) summary.payer.pageName = payer.pageName.slice(0, 200);
  if (encounter.dateOfService) summary.dateOfService = encounter.dateOfService;
  if (input.encounterId) {
    summary.encounterId = input.encounterId.slice(0, 64);
    summary.encounterFrom = input.encounterFrom ?? 'page';
  }
  if (input.encounterChanged) summary.encounterChanged = true;
  return summary;
}
