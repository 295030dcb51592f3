import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { PATTERNS } from '../../../src/engine/note/patterns';
import { rulesFired } from './helpers';

describe('every engine regex is linear-time (recheck)', () => {
  it.each(Object.entries(PATTERNS))(
    '%s',
    async (_, pattern) => {
      const result = await check(pattern.source, pattern.flags);
      expect(result.status).toBe('safe');
    },
    60_000,
  );
});

describe('1 MB adversarial notes are read, not given up on', () => {
  const MB = 1_000_000;
  // What each note documents, read the way a coder would: no minutes for the 97116 line, and nothing of the
  // device, assistance, distance or cues, except where the repeated unit says so.
  it.each([
    ['repeated gait words', 'gait amb walk ', ['minutes-not-documented', 'documentation-incomplete']],
    ['one word, no spaces', 'a', ['minutes-not-documented', 'documentation-incomplete']],
    ['digits and primes', "1' 2' 3-4 min ", ['minutes-not-documented', 'documentation-incomplete']],
    ['minute lines', 'Gait training 23 min\n', ['units-below-minutes', 'documentation-incomplete']],
    ['headings', 'PLAN:\n', ['minutes-not-documented', 'documentation-incomplete']],
    [
      'PTA signatures',
      'Doe, PTA ',
      ['minutes-not-documented', 'cq-modifier-missing', 'documentation-incomplete'],
    ],
    ['time in', 'time in 9:05 time in 9:0', ['minutes-not-documented', 'documentation-incomplete']],
    [
      'table rows',
      'Intervention | Minutes\nGait | 2',
      ['minutes-not-documented', 'documentation-incomplete'],
    ],
  ])('%s', (_, unit, expected) => {
    const text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    expect(rulesFired({ note: text, charges: '97116:2:GP' })).toEqual(expected);
  });
});
