import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { PATTERNS } from '../../../src/engine/note/patterns';
import { analyzeEncounter } from '../../../src/engine/index';
import { encounter } from './helpers';

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

describe('1 MB adversarial notes finish', () => {
  const MB = 1_000_000;
  it.each([
    ['repeated gait words', 'gait amb walk '],
    ['one word, no spaces', 'a'],
    ['digits and primes', "1' 2' 3-4 min "],
    ['minute lines', 'Gait training 23 min\n'],
    ['headings', 'PLAN:\n'],
    ['PTA signatures', 'Doe, PTA '],
    ['time in', 'time in 9:05 time in 9:0'],
    ['table rows', 'Intervention | Minutes\nGait | 2'],
  ])('%s', (_, unit) => {
    const text = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    const findings = analyzeEncounter(encounter({ note: text, charges: '97116:2:GP' }));
    expect(Array.isArray(findings)).toBe(true);
  });
});
