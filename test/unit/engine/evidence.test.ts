import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/engine/model';
import { findingOf, run } from './helpers';

const key = (e: Evidence) => (e.kind === 'note' ? `${e.noteId}@${e.start}-${e.end}` : `charge ${e.chargeId}`);

describe('evidence lists', () => {
  it('quote a sentence once even when several triggers sit in it', () => {
    const note = 'O: Pt ambulated 300 ft x 3 laps in hallway for endurance. Gait training 23 min.';
    const f = findingOf({ note, charges: '97116:2:GP' }, 'repetitive-walking');
    const quotes = (f?.evidence ?? []).filter((e) => e.kind === 'note');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.quote).toContain('laps in hallway for endurance');
    expect(f?.evidence.map((e) => e.kind)).toEqual(['note', 'charge']);
  });
  it('keep distinct spans, in order, and no finding repeats a span', () => {
    const note =
      'O: Walked 4 laps around the unit.\nAmbulated 200 ft in hallway for endurance. Gait training 25 min.';
    const f = findingOf({ note, charges: '97116:2:GP' }, 'repetitive-walking');
    const quotes = (f?.evidence ?? []).filter((e) => e.kind === 'note').map((e) => e.quote);
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain('4 laps');
    expect(quotes[1]).toContain('hallway');
    for (const finding of run({
      note: `${note}\nA: Pt has plateaued. Plateau in gait.`,
      charges: '97116:9',
    })) {
      const keys = finding.evidence.map(key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
