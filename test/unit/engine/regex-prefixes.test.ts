import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEPTH, candidatesAt, prefixIndexOf } from '../../../src/engine/note/prefix-index';
import { NON_ASCII, prefixesOf, symbolOf } from '../../../src/engine/note/regex-prefixes';

/** The prefixes of `source` at `depth`, sorted, with '…' for the NON_ASCII symbol. */
function prefixes(source: string, depth = 2): string[] {
  return [...prefixesOf(source, depth)].map((p) => p.replaceAll(String.fromCharCode(NON_ASCII), '…')).sort();
}

describe('prefixesOf', () => {
  it('reads literals, alternation and optional parts; shorter strings are whole matches', () => {
    expect(prefixes('\\b(?:gait|amb|gt)\\b')).toEqual(['am', 'ga', 'gt']);
    expect(prefixes('\\b(?:gait|amb|gt)\\b', 3)).toEqual(['amb', 'gai', 'gt']);
    expect(prefixes('ab?c', 3)).toEqual(['abc', 'ac']);
    expect(prefixes('x(?:y|z)*w')).toEqual(['xw', 'xy', 'xz']);
    expect(prefixes('q|rs')).toEqual(['q', 'rs']);
  });

  it('expands classes, escapes and ranges, with every digit as one symbol and every character from 128 up as another', () => {
    expect(prefixes('[a-c][-’]')).toEqual(['a-', 'a…', 'b-', 'b…', 'c-', 'c…']);
    expect(prefixes('\\d{1,2}m')).toEqual(['00', '0m']);
    expect(prefixes('1[5-7x]', 2)).toEqual(['00', '0x']);
  });

  it('never narrows: lookarounds and \\b count as nothing, a negated class keeps what it does not name', () => {
    expect(prefixes('(?![a-z])ab')).toEqual(['ab']);
    expect(prefixes('a(?=zz)b')).toEqual(['ab']);
    expect(prefixes('(?<=x)ab')).toEqual(['ab']);
    // The characters below 128 but b, with the ten digits as one symbol, and NON_ASCII.
    expect(prefixes('a[^b]')).toHaveLength(127 - 9 + 1);
    expect(prefixes('a.')).toHaveLength(128 - 9 + 1);
    expect(prefixes('a[^0-8]')).toContain('a0');
  });

  it('expands what follows a sequence only as far as its shortest prefix still needs', () => {
    expect(prefixes('\\btime[ \\t]{0,2}in[^\\n\\d]{0,24}?out', 3)).toEqual(['tim']);
    expect(prefixes('(?:a|bcd)[xy]{0,9}z', 3)).toEqual([
      'axx',
      'axy',
      'axz',
      'ayx',
      'ayy',
      'ayz',
      'az',
      'bcd',
    ]);
    // The part past a full prefix is still read, so syntax it cannot read still throws.
    expect(() => prefixesOf('abcd\\p{L}', 2)).toThrow(/unsupported escape/);
  });

  it('refuses what it cannot read and patterns that match the empty string', () => {
    expect(() => prefixesOf('a?', 2)).toThrow(/empty string/);
    expect(() => prefixesOf('\\p{L}', 2)).toThrow(/unsupported escape/);
    expect(() => prefixesOf('(?<name>a)', 2)).toThrow(/unsupported group/);
    expect(() => prefixesOf('a{2', 2)).toThrow(/unclosed/);
    expect(() => prefixesOf('a{2,1}', 2)).toThrow(/malformed/);
    expect(() => prefixesOf('(ab', 2)).toThrow(/unclosed group/);
    expect(() => prefixesOf('ab)', 2)).toThrow(/unexpected \)/);
  });
});

describe('prefixIndexOf', () => {
  it('names, at each position, every pattern of a random list that matches there', () => {
    const atom = fc.constantFrom('a', 'b', 'c', ' ', '\\d', '[ab]', '[c1]', '\\b', '(?!b)', "['’]");
    const quantifier = fc.constantFrom('', '?', '*', '+', '{0,2}', '{1,3}', '{2}');
    const piece = fc.tuple(atom, quantifier).map(([a, q]) => (a === '\\b' || a === '(?!b)' ? a : a + q));
    const sequence = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const pattern = fc
      .array(sequence, { minLength: 1, maxLength: 3 })
      .map((alternatives) => `(?:${alternatives.join('|')})`)
      // Read without its assertions, a pattern that can match nothing at all has no prefix to index.
      .filter((source) => {
        try {
          prefixesOf(source, 1);
          return true;
        } catch {
          return false;
        }
      });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '1', '’', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 5 }), text, (sources, subject) => {
        const index = prefixIndexOf(sources);
        const sticky = sources.map((source) => new RegExp(source, 'y'));
        for (let at = 0; at < subject.length; at++) {
          const candidates = candidatesAt(index, subject, at);
          for (const [i, pattern] of sticky.entries()) {
            pattern.lastIndex = at;
            if (pattern.test(subject))
              expect(candidates & (1 << i), `${sources[i]} at ${at} of ${subject}`).not.toBe(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('names exactly the patterns with a prefix that the text there begins with', () => {
    // The definition, read symbol by symbol: what the trie, and its first two steps taken as one, must give.
    function byDefinition(prefixes: readonly Set<string>[], text: string, at: number): number {
      let bits = 0;
      for (const [i, set] of prefixes.entries()) {
        for (const prefix of set) {
          if (at + prefix.length > text.length) continue;
          let k = 0;
          while (k < prefix.length && symbolOf(text.charCodeAt(at + k)) === prefix.charCodeAt(k)) k++;
          if (k === prefix.length) bits |= 1 << i;
        }
      }
      return bits;
    }
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', '1', ' ', '-', 'é'),
      minLength: 1,
      maxLength: 7,
    });
    const source = fc
      .array(word, { minLength: 1, maxLength: 3 })
      .map((words) => `\\b(?:${words.map((w) => w.replaceAll('-', '\\-')).join('|')})`);
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '7', ' ', '-', 'x', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 6 }), text, (sources, subject) => {
        const index = prefixIndexOf(sources);
        const prefixes = sources.map((s) => prefixesOf(s, DEPTH));
        for (let at = 0; at < subject.length; at++)
          expect(candidatesAt(index, subject, at), `${subject} at ${at}`).toBe(
            byDefinition(prefixes, subject, at),
          );
      }),
      { numRuns: 3000 },
    );
  });

  it('tells apart words that share their first two letters', () => {
    const index = prefixIndexOf(['\\bgait\\b', '\\bgap\\b', '\\bg\\d']);
    expect(candidatesAt(index, 'gait', 0)).toBe(0b001);
    expect(candidatesAt(index, 'gap', 0)).toBe(0b010);
    expect(candidatesAt(index, 'ga', 0)).toBe(0);
    expect(candidatesAt(index, 'g7', 0)).toBe(0b100);
    expect(candidatesAt(index, 'walk', 0)).toBe(0);
    expect(() => prefixIndexOf(Array.from({ length: 32 }, () => 'a'))).toThrow(/31/);
  });
});
