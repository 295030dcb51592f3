import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TYPICAL_NOTE, longNote } from '../../../bench/fixtures/notes';
import type { Layout, SectionKind } from '../../../src/engine/note/layout';
import { classifyHeading, layoutOf } from '../../../src/engine/note/layout';
import { PATTERNS } from '../../../src/engine/note/patterns';

/** The layout read one character at a time, the plain way: what layoutOf's jumps must agree with. */
function layoutByCharacter(text: string): Layout {
  const sentenceStarts = [0];
  const sectionStarts = [0];
  const sectionKinds: SectionKind[] = ['none'];
  const heading = new RegExp(PATTERNS.heading.source, 'y');
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    if (lineStart) {
      lineStart = false;
      heading.lastIndex = i;
      const m = heading.exec(text);
      const kind = m?.[1] === undefined ? undefined : classifyHeading(m[1]);
      if (kind) {
        if (sectionStarts.at(-1) === i) sectionKinds[sectionKinds.length - 1] = kind;
        else {
          sectionStarts.push(i);
          sectionKinds.push(kind);
        }
      }
    }
    const ch = text[i];
    const after = text[i + 1] ?? ' ';
    const end = ch === '\n' || ('.!?;'.includes(ch ?? '') && ' \t\n\r'.includes(after));
    if (ch === '\n') lineStart = true;
    if (end && i + 1 < text.length && sentenceStarts.at(-1) !== i + 1) sentenceStarts.push(i + 1);
  }
  return { sentenceStarts, sectionStarts, sectionKinds, length: text.length };
}

describe('layoutOf', () => {
  const GOLDEN_NOTES = JSON.parse(
    readFileSync(new URL('./golden-notes.json', import.meta.url), 'utf8'),
  ) as string[];

  it('agrees with a character-by-character reading on the golden notes and long notes', () => {
    for (const text of [...GOLDEN_NOTES, TYPICAL_NOTE, longNote(30_000), '', '.', '\n', 'a.\n;', 'PLAN:']) {
      expect(layoutOf(text), JSON.stringify(text.slice(0, 60))).toEqual(layoutByCharacter(text));
    }
  });

  it('agrees with it on random text made of the characters that matter', () => {
    const unit = fc.constantFrom(
      'a',
      'P',
      'plan',
      'S',
      'O',
      ':',
      ' ',
      '\t',
      '\n',
      '\r',
      '.',
      '!',
      '?',
      ';',
      '1',
      ')',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (text) => {
        expect(layoutOf(text)).toEqual(layoutByCharacter(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('splits sentences at line ends and at . ! ? ; before a blank, and finds SOAP sections', () => {
    const text = 'S: pt walks. Denies pain;ok\nO: gait 3.5 m/s!\nP: will progress? yes';
    const layout = layoutOf(text);
    const sentences = layout.sentenceStarts
      .map((s, i) => text.slice(s, layout.sentenceStarts[i + 1]).trim())
      .filter((s) => s !== '');
    expect(sentences).toEqual([
      'S: pt walks.',
      'Denies pain;ok',
      'O: gait 3.5 m/s!',
      'P: will progress?',
      'yes',
    ]);
    expect(layout.sectionKinds).toEqual(['history', 'objective', 'plan']);
  });
});
