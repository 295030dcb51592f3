/** Merges the snapshots of all frames of a tab into one Encounter (note from one frame, charges from another). */
import type { ChargeLine, Encounter, NoteText, Payer, ProviderRole, UnitMethod } from '../engine/model';
import { MAX_CHARGE_LINES } from '../engine/limits';
import { MAX_NOTES, MAX_WARNINGS } from './constants';
import type { FrameSnapshot } from './snapshot';

export interface FramePart {
  frameId: number;
  snapshot: FrameSnapshot;
}

const ROLE_ORDER: readonly ProviderRole[] = ['PT', 'PTA', 'aide'];

function byFrame(frames: ReadonlyArray<FramePart>): FramePart[] {
  return [...frames].sort((a, b) => a.frameId - b.frameId);
}

function inFrame<T extends NoteText | ChargeLine>(item: T, frameId: number): T {
  return { ...item, id: `${frameId}:${item.id}`.slice(0, 200), source: { ...item.source, frameId } };
}

/** One encounter from every frame's part, in frame order (0 = top frame first), ids unique across frames. */
export function mergeFrames(frames: ReadonlyArray<FramePart>, payer: Payer): Encounter {
  const ordered = byFrame(frames);
  const notes = ordered.flatMap(({ frameId, snapshot }) =>
    snapshot.notes.map((note) => inFrame(note, frameId)),
  );
  const charges = ordered.flatMap(({ frameId, snapshot }) =>
    snapshot.charges.map((line) => inFrame(line, frameId)),
  );
  const encounter: Encounter = {
    payer,
    notes: notes.slice(0, MAX_NOTES),
    charges: charges.slice(0, MAX_CHARGE_LINES),
  };
  const dateOfService = ordered.find(({ snapshot }) => snapshot.dateOfService)?.snapshot.dateOfService;
  if (dateOfService) encounter.dateOfService = dateOfService;
  const roles = new Set(ordered.flatMap(({ snapshot }) => snapshot.furnishedBy ?? []));
  if (roles.size > 0) encounter.furnishedBy = ROLE_ORDER.filter((role) => roles.has(role));
  return encounter;
}

/** Every frame's warnings, without repeats, plus a note when frames show different dates of service. */
export function mergeWarnings(frames: ReadonlyArray<FramePart>): string[] {
  const ordered = byFrame(frames);
  const warnings = new Set(ordered.flatMap(({ snapshot }) => snapshot.warnings));
  const dates = new Set(
    ordered.flatMap(({ snapshot }) => (snapshot.dateOfService ? [snapshot.dateOfService] : [])),
  );
  if (dates.size > 1)
    warnings.add(
      `The frames of this page show ${dates.size} different dates of service; the first was used.`,
    );
  const notes = ordered.reduce((sum, { snapshot }) => sum + snapshot.notes.length, 0);
  if (notes > MAX_NOTES)
    warnings.add(`The page shows ${notes} note fields; only the first ${MAX_NOTES} were read.`);
  const charges = ordered.reduce((sum, { snapshot }) => sum + snapshot.charges.length, 0);
  if (charges > MAX_CHARGE_LINES) {
    warnings.add(`The page shows ${charges} charge lines; only the first ${MAX_CHARGE_LINES} were read.`);
  }
  return [...warnings].slice(0, MAX_WARNINGS);
}

/** What the page says about the payer (first frame that shows one), for the worker to combine with settings. */
export function mergePayerHints(frames: ReadonlyArray<FramePart>): { name?: string; method?: UnitMethod } {
  const ordered = byFrame(frames);
  const withName = ordered.find(({ snapshot }) => snapshot.payerName);
  const withMethod = ordered.find(({ snapshot }) => snapshot.payerMethodHint);
  const hints: { name?: string; method?: UnitMethod } = {};
  if (withName?.snapshot.payerName) hints.name = withName.snapshot.payerName;
  if (withMethod?.snapshot.payerMethodHint) hints.method = withMethod.snapshot.payerMethodHint;
  return hints;
}

/** Foreign origins any frame could not read, so the UI can offer to turn them on. */
export function mergeForeignOrigins(frames: ReadonlyArray<FramePart>): string[] {
  return [...new Set(byFrame(frames).flatMap(({ snapshot }) => snapshot.foreignFrameOrigins))];
}
