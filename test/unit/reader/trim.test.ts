import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  lastBracketGroup,
  trimLabelPunctuation,
  trimTrailingBlanks,
  trimTrailingBlanksPerLine,
  trimTrailingIndex,
} from '../../../src/reader/trim';

// The regular expressions these helpers replace (quadratic on hostile input) are the specification here:
// on short random strings over the characters that matter, the helpers must agree with them exactly.
const alphabet = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  ':',
  '*',
  '[',
  ']',
  '_',
  '-',
  '.',
  '1',
  '9',
  'a',
  'B',
  '\u00a0',
);
const text = fc.array(alphabet, { maxLength: 24 }).map((chars) => chars.join(''));

describe('trim helpers agree with the patterns they replace', () => {
  it('trimTrailingBlanks = replace(/[ \\t]+$/, "") on a line', () => {
    fc.assert(
      fc.property(text, (value) => trimTrailingBlanks(value) === value.replace(/[ \t]+$/, '')),
      {
        numRuns: 5_000,
      },
    );
  });

  it('trimTrailingBlanksPerLine = replace(/[ \\t]+$/gm, "")', () => {
    fc.assert(
      fc.property(text, (value) => trimTrailingBlanksPerLine(value) === value.replace(/[ \t]+$/gm, '')),
      { numRuns: 5_000 },
    );
  });

  it('trimLabelPunctuation = replace(/[:*]+\\s*$/, "")', () => {
    fc.assert(
      fc.property(text, (value) => trimLabelPunctuation(value) === value.replace(/[:*]+\s*$/, '')),
      {
        numRuns: 5_000,
      },
    );
  });

  it('lastBracketGroup = /\\[([^\\]]+)\\]\\s*$/.exec(...)?.[1]', () => {
    fc.assert(
      fc.property(text, (value) => lastBracketGroup(value) === /\[([^\]]+)\]\s*$/.exec(value)?.[1]),
      { numRuns: 5_000 },
    );
  });

  it('trimTrailingIndex = replace(/[_\\-.]?\\d+$/, "")', () => {
    fc.assert(
      fc.property(text, (value) => trimTrailingIndex(value) === value.replace(/[_\-.]?\d+$/, '')),
      {
        numRuns: 5_000,
      },
    );
  });

  it('reads the control names the charge heuristics see', () => {
    expect(lastBracketGroup('bill[3][code]')).toBe('code');
    expect(trimTrailingIndex('cpt_1')).toBe('cpt');
    expect(trimLabelPunctuation('Units:* ')).toBe('Units');
  });

  it('stays fast on the hostile runs that froze the old patterns', () => {
    const hostile = `${'\t'.repeat(200_000)}x`;
    expect(trimTrailingBlanksPerLine(hostile)).toBe(hostile);
    expect(trimLabelPunctuation(`${':'.repeat(200_000)}x`)).toHaveLength(200_001);
    expect(lastBracketGroup(`${'['.repeat(200_000)}x`)).toBeUndefined();
    expect(trimTrailingIndex(`${'1'.repeat(200_000)}x`)).toHaveLength(200_001);
  });
});
