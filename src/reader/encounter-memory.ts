/**
 * One encounter, several views. EHR apps show the note and the billing of one encounter on different tabs
 * and unmount the inactive one, so the note and the charge lines are never on screen together. The memory
 * keeps, for the tab's life and in memory only, the last notes and the last charge lines read for the
 * encounter on screen, and lends them to a view that shows none of that kind, marked as off screen. It
 * forgets them the moment the encounter key changes, and says that it changed.
 *
 * A kind the current view does show is never topped up from memory: a line the coder deleted on the fee
 * sheet on screen stays deleted, and an edited note is read afresh.
 */
import type { ChargeLine, Encounter, NoteText } from '../engine/model';

/** How long the panel says that the encounter changed (the old findings are gone at once regardless). */
export const CHANGE_NOTICE_MS = 15_000;

const URL_KEY_PATTERNS: readonly RegExp[] = [
  // Path segments: /Encounter/0f3c..., /encounters/30117, /enc/30117, /visit/2201
  /\/(?:encounters?|enc|visits?)\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})(?=[/?#]|$)/i,
  // Query or hash parameters: ?encounter=30117, #/chart?enc=30117&pid=4, ?visitId=..., ?set_encounter=...
  /[?&#](?:set_)?(?:encounter|enc|encounter_?id|visit|visit_?id|eid)=([A-Za-z0-9][A-Za-z0-9._-]{0,63})/i,
];

/** The encounter key a URL carries, when it names one. */
export function encounterKeyFromUrl(url: string): string | undefined {
  for (const pattern of URL_KEY_PATTERNS) {
    const key = pattern.exec(url)?.[1];
    if (key && /\d/.test(key)) return key;
  }
  return undefined;
}

/** The key of the encounter on screen: the one in the top frame's URL, else the number the page shows. */
export function encounterKeyOf(topUrl: string | undefined, shownId: string | undefined): string | undefined {
  const fromUrl = topUrl ? encounterKeyFromUrl(topUrl) : undefined;
  if (fromUrl) return `url:${fromUrl}`;
  return shownId ? `page:${shownId}` : undefined;
}

export interface RememberedView {
  encounter: Encounter;
  /** Merged ids of the notes and lines lent from a view no longer on screen. */
  offScreenIds: Set<string>;
  /** The encounter on screen changed within the last CHANGE_NOTICE_MS. */
  changed: boolean;
}

export interface EncounterMemory {
  /** What to judge for the encounter read now: the current view, topped up from this encounter's others. */
  view(key: string | undefined, current: Encounter, now: number): RememberedView;
}

function therapistNotes(notes: readonly NoteText[]): NoteText[] {
  return notes.filter((note) => (note.kind ?? 'note') === 'note');
}

export function createEncounterMemory(): EncounterMemory {
  let key: string | undefined;
  let notes: NoteText[] = [];
  let charges: ChargeLine[] = [];
  let changedAt: number | undefined;

  return {
    view(nextKey, current, now) {
      if (nextKey !== key) {
        // Two different keys: another encounter. A view with no key may be anything: nothing is lent to it.
        if (key !== undefined && nextKey !== undefined) changedAt = now;
        key = nextKey;
        notes = [];
        charges = [];
      }
      const offScreenIds = new Set<string>();
      if (key === undefined) return { encounter: current, offScreenIds, changed: false };
      const changed = changedAt !== undefined && now - changedAt < CHANGE_NOTICE_MS;
      const encounter: Encounter = { ...current };
      if (therapistNotes(current.notes).length > 0) notes = current.notes;
      else if (notes.length > 0) {
        encounter.notes = [...current.notes, ...notes];
        notes.forEach((note) => offScreenIds.add(note.id));
      }
      if (current.charges.length > 0) charges = current.charges;
      else if (charges.length > 0) {
        encounter.charges = charges;
        charges.forEach((line) => offScreenIds.add(line.id));
      }
      return { encounter, offScreenIds, changed };
    },
  };
}
