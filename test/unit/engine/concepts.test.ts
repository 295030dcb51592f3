import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import type { NotePattern } from '../../../src/engine/note/concepts';
import { CONCEPTS } from '../../../src/engine/note/concepts';
import { DURATION_FORMS } from '../../../src/engine/minutes/forms';
import { analyzeNotes } from '../../../src/engine/note/analyze';
import { findingOf, rulesFired } from './helpers';
import { goldenNotes } from './golden';
import { dailyNotes } from './daily-corpus';

/** Every note the tests know: the corpus, the fixtures, the traps, the recorded notes, the daily notes. */
const TEST_NOTES: string[] = [...goldenNotes().map(([, text]) => text), ...dailyNotes().map((n) => n.text)];

const ENTRIES: [string, NotePattern][] = [
  ...Object.entries(CONCEPTS).map(([name, entry]): [string, NotePattern] => [`concept ${name}`, entry]),
  ...DURATION_FORMS.map((form): [string, NotePattern] => [`minutes ${form.id}`, form]),
];

describe.each(ENTRIES)('%s', (_, { pattern, examples, triggers }) => {
  it('looks for every match in the note (g flag)', () => {
    expect(pattern.flags).toContain('g');
  });

  it('finds each of its examples, whole', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const found = [...example.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => m[0]);
      expect(found, example).toEqual([example]);
    }
  });

  it.runIf(triggers !== undefined)(
    'holds one of its triggers in each example and in every match of the test notes',
    () => {
      const pieces = triggers ?? [];
      expect(pieces.every((piece) => piece !== '' && piece === piece.toLowerCase())).toBe(true);
      const lacking = [
        ...examples,
        ...TEST_NOTES.flatMap((text) =>
          [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => m[0]),
        ),
      ].filter((match) => !pieces.some((piece) => match.toLowerCase().includes(piece)));
      expect(lacking).toEqual([]);
    },
  );

  it('is linear-time on any text (recheck)', async () => {
    const result = await check(pattern.source, pattern.flags, { timeout: 20_000 });
    expect(
      result.status,
      result.status === 'vulnerable' ? `attack: ${JSON.stringify(result.attack.pattern)}` : '',
    ).toBe('safe');
  }, 60_000);
});

describe('concept mentions in a note', () => {
  it('are found for each concept, in order, with the words as written', () => {
    const text =
      'O: Gait training 23 min. Amb 150 ft x3 with FWW, CGA; VC for step length. Amb 200 ft in hallway.';
    const { mentions } = analyzeNotes([{ id: 'n', text, source: {} }]);
    expect(mentions.gaitTerm.map((m) => m.match)).toEqual(['Gait', 'Amb', 'Amb']);
    expect(mentions.distance.map((m) => m.match)).toEqual(['150 ft', '200 ft']);
    expect(mentions.device.map((m) => [m.match, m.start])).toEqual([['FWW', text.indexOf('FWW')]]);
    expect(mentions.cue.map((m) => m.match)).toEqual(['VC']);
    expect(mentions.repetitive.map((m) => m.match)).toEqual(['in hallway']);
  });

  it('take the gait code as a gait word only where it opens an entry, at the head of a line', () => {
    const text = "97116 x2 (27 min): FWW, 100' x 3\n  - 97116 cont.\nCharges 97110, 97116 x2";
    const { mentions } = analyzeNotes([{ id: 'n', text, source: {} }]);
    expect(mentions.gaitTerm.map((m) => [m.match, m.start])).toEqual([
      ['97116', 0],
      ['97116', text.indexOf('97116 cont')],
    ]);
  });

  it('stop at 400 per concept and note, so a note of endless mentions costs linear time', () => {
    const text = 'gait '.repeat(1000);
    const { mentions } = analyzeNotes([
      { id: 'a', text, source: {} },
      { id: 'b', text: 'gait', source: {} },
    ]);
    expect(mentions.gaitTerm.filter((m) => m.noteId === 'a')).toHaveLength(400);
    expect(mentions.gaitTerm.filter((m) => m.noteId === 'b')).toHaveLength(1);
  });

  it('folds case for ASCII letters only: a Kelvin sign is not the k of "kinematics"', () => {
    const note = (k: string) => `O: Gait observed with ${k}inematics of both knees today.`;
    expect(rulesFired({ note: note('K'), charges: '97116:1:GP' })).toContain('motion-analysis');
    expect(rulesFired({ note: note('\u212A'), charges: '97116:1:GP' })).not.toContain('motion-analysis');
  });

  it('keeps evidence offsets on the quoted words after a capital I with dot (İ)', () => {
    const note =
      'S: Pt from İzmir.\nO: Pt ambulated 300 ft x 3 in hallway for endurance. Gait training 23 min.';
    const evidence = findingOf({ note, charges: '97116:2:GP' }, 'repetitive-walking')?.evidence.find(
      (e) => e.kind === 'note',
    );
    expect(evidence?.kind === 'note' && note.slice(evidence.start, evidence.end)).toBe(
      'O: Pt ambulated 300 ft x 3 in hallway for endurance.',
    );
  });
});
