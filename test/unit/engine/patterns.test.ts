import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { readFileSync } from 'node:fs';
import { PATTERNS, SCANNED_CONCEPTS, firstCharsOf } from '../../../src/engine/note/patterns';
import { TYPICAL_NOTE, longNote } from '../../../bench/fixtures/notes';
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

describe('firstCharsOf: the first characters the merged concept scan relies on', () => {
  const notes: string[] = [
    ...(JSON.parse(readFileSync(new URL('./golden-notes.json', import.meta.url), 'utf8')) as string[]),
    TYPICAL_NOTE,
    longNote(50_000),
  ].map((note) => note.toLowerCase());

  it.each(SCANNED_CONCEPTS.map((c) => [c]))(
    '%s: every match starts with a character of its table',
    (concept) => {
      const table = firstCharsOf(PATTERNS[concept].source);
      const sticky = new RegExp(PATTERNS[concept].source, 'y');
      let matches = 0;
      for (const note of notes) {
        for (let at = 0; at < note.length; at++) {
          sticky.lastIndex = at;
          if (!sticky.test(note)) continue;
          matches++;
          const code = note.charCodeAt(at);
          expect(
            code >= 128 || table[code] === 1,
            `${concept} at ${JSON.stringify(note.slice(at, at + 20))}`,
          ).toBe(true);
        }
      }
      expect(matches).toBeGreaterThan(0);
    },
    60_000,
  );

  it('never narrows: lookarounds, negated classes and wildcards are refused', () => {
    expect(() => firstCharsOf('(?=a)b')).toThrow();
    expect(() => firstCharsOf('[^a]')).toThrow();
    expect(() => firstCharsOf('.a')).toThrow();
    expect(() => firstCharsOf('a?')).toThrow();
    const table = firstCharsOf('\\b(?:x?[a-c]|\\d{0,2}z|[ -]w)');
    const chars = [...table.keys()].filter((i) => table[i] === 1).map((i) => String.fromCharCode(i));
    expect(chars.join('')).toBe(' -0123456789abcxz');
  });
});
