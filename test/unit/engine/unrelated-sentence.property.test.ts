/**
 * Property: a sentence that says nothing about the care (who waited in the lobby, the weather) never
 * changes any rule's verdict, wherever a paragraph can take it, on every note of the daily-note corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEncounter } from '../../../src/engine/index';
import { dailyNotes, encounterOf, verdictsOf } from './daily-corpus';

const UNRELATED = [
  "Pt's daughter waited in the lobby.",
  'Weather cool and rainy today.',
  'Interpreter not needed; pt speaks English.',
  'Pt asked about parking validation.',
  'Room 3 used today.',
  'Copay collected at front desk.',
];

/** Offsets where a paragraph can start: the note's start and end, and after every blank line. */
function paragraphStarts(text: string): number[] {
  const starts = [0, text.length];
  for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', at + 1)) starts.push(at + 2);
  return starts;
}

function insertParagraph(text: string, at: number, sentence: string): string {
  const before = text.slice(0, at);
  const after = text.slice(at);
  if (at === 0) return `${sentence}\n\n${after}`;
  if (at === text.length) return `${before.replace(/\n*$/, '')}\n\n${sentence}\n`;
  return `${before}${sentence}\n\n${after}`;
}

describe('an unrelated sentence never changes a verdict', () => {
  const notes = dailyNotes();

  it('holds on every corpus note, at every paragraph boundary', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: notes.length - 1 }),
        fc.nat(),
        fc.constantFrom(...UNRELATED),
        (index, where, sentence) => {
          const note = notes[index];
          if (!note) return;
          const starts = paragraphStarts(note.text);
          const at = starts[where % starts.length] ?? 0;
          const before = verdictsOf(analyzeEncounter(encounterOf(note)));
          const after = verdictsOf(
            analyzeEncounter(encounterOf(note, insertParagraph(note.text, at, sentence))),
          );
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
