import { describe, expect, it } from 'vitest';
import type { ChargeLine, Encounter, NoteText } from '../../../src/engine/model';
import {
  CHANGE_NOTICE_MS,
  createEncounterMemory,
  encounterKeyFromUrl,
  encounterKeyOf,
} from '../../../src/reader/encounter-memory';

const PAYER = { name: 'Medicare', method: 'cms' as const, medicare: true };
const note = (id: string, text = 'Gait training (97116): 24 min.'): NoteText => ({ id, text, source: {} });
const line = (id: string, units = 3): ChargeLine => ({
  id,
  code: '97116',
  units,
  modifiers: ['GP'],
  status: 'unbilled',
  source: {},
});
const encounter = (notes: NoteText[], charges: ChargeLine[]): Encounter => ({ payer: PAYER, notes, charges });

describe('encounter key', () => {
  it('comes from the URL path or parameters, else from the number the page shows', () => {
    expect(encounterKeyFromUrl('https://app.example.org/Encounter/7f3e-29c1/details')).toBe('7f3e-29c1');
    expect(encounterKeyFromUrl('https://app.example.org/#/encounters/1001/note')).toBe('1001');
    expect(encounterKeyFromUrl('https://emr.example.org/main.php?pid=4&set_encounter=30117')).toBe('30117');
    expect(encounterKeyFromUrl('https://emr.example.org/chart?visitId=V-88')).toBe('V-88');
    // Words that only look like a key: no digit, no key.
    expect(encounterKeyFromUrl('https://emr.example.org/encounters/new')).toBeUndefined();
    expect(encounterKeyFromUrl('https://emr.example.org/patients/12')).toBeUndefined();
    expect(encounterKeyOf('https://emr.example.org/x', 'A-7781204')).toBe('page:A-7781204');
    expect(encounterKeyOf('https://a.example.org/enc/5', 'A-1')).toBe('url:5');
    expect(encounterKeyOf(undefined, undefined)).toBeUndefined();
  });
});

describe('encounter memory', () => {
  it('lends the note of the note view to the billing view of the same encounter, marked off screen', () => {
    const memory = createEncounterMemory();
    const noteView = memory.view('url:1001', encounter([note('0:n')], []), 0);
    expect(noteView.offScreenIds.size).toBe(0);
    const billing = memory.view('url:1001', encounter([], [line('0:c')]), 1000);
    expect(billing.encounter.notes.map((n) => n.id)).toEqual(['0:n']);
    expect(billing.encounter.charges.map((c) => c.id)).toEqual(['0:c']);
    expect([...billing.offScreenIds]).toEqual(['0:n']);
    expect(billing.changed).toBe(false);
    // Asked again with the same view (the popup polling): the same answer.
    expect(memory.view('url:1001', encounter([], [line('0:c')]), 1500).encounter.notes).toHaveLength(1);
  });

  it('forgets everything the moment the encounter changes, and says so for a while', () => {
    const memory = createEncounterMemory();
    memory.view('url:1001', encounter([note('0:n')], []), 0);
    const other = memory.view('url:1002', encounter([], [line('0:c')]), 10);
    expect(other.encounter.notes).toEqual([]);
    expect(other.changed).toBe(true);
    expect(memory.view('url:1002', encounter([], [line('0:c')]), 10 + CHANGE_NOTICE_MS).changed).toBe(false);
    // Back to the first encounter: its note was forgotten too.
    expect(memory.view('url:1001', encounter([], [line('0:c')]), 20_000).encounter.notes).toEqual([]);
  });

  it('never tops up a kind the view shows: a line deleted on screen stays deleted, an edited note is new', () => {
    const memory = createEncounterMemory();
    memory.view('page:9', encounter([note('0:n', 'old text')], [line('0:a'), line('0:b')]), 0);
    const after = memory.view('page:9', encounter([note('0:n', 'edited')], [line('0:a')]), 1);
    expect(after.encounter.charges.map((c) => c.id)).toEqual(['0:a']);
    expect(after.encounter.notes.map((n) => n.text)).toEqual(['edited']);
    expect(after.offScreenIds.size).toBe(0);
  });

  it('lends nothing to a view without a key, and a time in/out line is not a note', () => {
    const memory = createEncounterMemory();
    memory.view(undefined, encounter([note('0:n')], []), 0);
    expect(memory.view(undefined, encounter([], [line('0:c')]), 1).encounter.notes).toEqual([]);
    memory.view('url:3', encounter([note('0:n')], []), 2);
    const time: NoteText = { id: '0:t', text: 'Time in 9:00 / Time out 9:40', source: {}, kind: 'time' };
    const withTime = memory.view('url:3', encounter([time], [line('0:c')]), 3);
    expect(withTime.encounter.notes.map((n) => n.id)).toEqual(['0:t', '0:n']);
    expect(withTime.changed).toBe(false);
  });
});
