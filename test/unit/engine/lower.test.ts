import { describe, expect, it } from 'vitest';
import { asciiLower } from '../../../src/engine/note/lower';
import { findingOf } from './helpers';

describe('asciiLower keeps offsets and case-folds like the i flag', () => {
  it('lower-cases ASCII letters and keeps the length', () => {
    expect(asciiLower('Gait TRAINING 23 Min')).toBe('gait training 23 min');
  });
  it('does not grow on U+0130 nor turn the Kelvin sign into "k"', () => {
    const text = 'İSTANBUL \u212Ag GAIT';
    const lower = asciiLower(text);
    expect(lower.length).toBe(text.length);
    expect(lower).toBe('İstanbul \u212Ag gait');
  });
  it('evidence offsets stay on the quoted words after a U+0130 in the note', () => {
    const note =
      'S: Pt from İzmir.\nO: Pt ambulated 300 ft x 3 in hallway for endurance. Gait training 23 min.';
    const evidence = findingOf({ note, charges: '97116:2:GP' }, 'repetitive-walking')?.evidence.find(
      (e) => e.kind === 'note',
    );
    expect(evidence?.kind === 'note' && note.slice(evidence.start, evidence.end)).toContain('hallway');
  });
  it('a Kelvin sign is not the letter k of a pattern', () => {
    const note = (k: string) => `O: Gait observed with ${k}inematics of both knees today.`;
    expect(findingOf({ note: note('K'), charges: '97116:1:GP' }, 'motion-analysis')).toBeDefined();
    expect(findingOf({ note: note('\u212A'), charges: '97116:1:GP' }, 'motion-analysis')).toBeUndefined();
  });
});
