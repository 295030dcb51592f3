import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TYPICAL_NOTE, longNote } from '../../../bench/fixtures/notes';
import { CONCEPTS, analyzeNotes } from '../../../src/engine/note/analyze';
import type { LabelMatch } from '../../../src/engine/note/lexicon';
import {
  INTERVENTION_LABELS,
  lastInterventionIn,
  leadingIntervention,
} from '../../../src/engine/note/lexicon';
import { layoutOf } from '../../../src/engine/note/layout';
import { asciiLower } from '../../../src/engine/note/lower';
import {
  MINUTE_PATTERNS,
  extractMinutes,
  minuteMatchesOf,
  minutePatternsUnneeded,
} from '../../../src/engine/note/minutes';
import { PATTERNS, SCANNED_CONCEPTS, eachMatch, firstMatch } from '../../../src/engine/note/patterns';
import { wordScannerOf } from '../../../src/engine/note/word-scan';

const GOLDEN_NOTES = JSON.parse(
  readFileSync(new URL('./golden-notes.json', import.meta.url), 'utf8'),
) as string[];

/** The spans that one global pass of `pattern` alone finds in `text`, at most `cap` of them. */
function spansOfOwnPass(pattern: RegExp, text: string, cap = Infinity): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
    if (out.length >= cap) break;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

describe('the concept scan', () => {
  const notes = [
    ...GOLDEN_NOTES,
    TYPICAL_NOTE,
    longNote(50_000),
    'gait'.repeat(1000),
    'amb 10 ft '.repeat(500),
  ];

  it.each(SCANNED_CONCEPTS.map((c) => [c]))(
    '%s: finds what the pattern finds on its own, no more, no less',
    (concept) => {
      let total = 0;
      for (const [i, text] of notes.entries()) {
        const analysis = analyzeNotes([{ id: `n${i}`, text, source: { label: 'note' } }]);
        const found = analysis.mentions[concept].map((m): [number, number] => [m.start, m.end]);
        expect(found, `${concept} in note ${i}`).toEqual(
          text.trim() === '' ? [] : spansOfOwnPass(PATTERNS[concept], asciiLower(text), 400),
        );
        total += found.length;
      }
      expect(total).toBeGreaterThan(0);
    },
    60_000,
  );

  it('finds the PTA mentions that the case-sensitive pattern finds on its own', () => {
    const word = fc.constantFrom(
      'PTA',
      'LPTA',
      'pta',
      'Pta',
      'PTAs',
      'Physical',
      'physical',
      'Therapist',
      'therapy',
      'Assistant',
      'assistant',
      'by',
      'with',
      'per',
      'the',
      'our',
      'provided',
      'J. Okafor',
      'x',
    );
    const gap = fc.constantFrom(' ', '', ', ', ': ', '.', '\n', '-');
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 10 }), (pieces) => {
        const text = pieces.map(([w, g]) => w + g).join('');
        const analysis = analyzeNotes([{ id: 'n', text, source: { label: 'note' } }]);
        const own = spansOfOwnPass(PATTERNS.ptaProvider, text).map(([start]) => start);
        expect(
          analysis.mentions.ptaProvider.map((m) => m.start),
          text,
        ).toEqual(text.trim() === '' ? [] : own);
        found += own.length;
      }),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(100);
  });

  it('covers every concept but the case-sensitive PTA one', () => {
    expect(new Set([...SCANNED_CONCEPTS, 'ptaProvider'])).toEqual(new Set(CONCEPTS));
  });
});

describe('the minute patterns in the note scan', () => {
  const notes = [
    ...GOLDEN_NOTES,
    TYPICAL_NOTE,
    longNote(50_000),
    "Gait training 97116 23 min; 15' ther ex; 8-10 mins; 47 total timed minutes. ".repeat(200),
    'Total timed code minutes = 47. Time-based minutes 30. Time in 9:05 am time out 9:50 am. '.repeat(200),
    '97116 23 '.repeat(500),
  ];

  it('finds what each pattern finds on its own, no more, no less', () => {
    let total = 0;
    for (const [i, text] of notes.entries()) {
      const lower = asciiLower(text);
      const matches = minuteMatchesOf(lower);
      for (const [k, pattern] of MINUTE_PATTERNS.entries()) {
        // Table header starts stop at 1,000 (tableMinutes reads on from the last one by itself).
        const cap = pattern === PATTERNS.tableMinutesHeaderStart ? 1000 : Infinity;
        expect(matches[k], `pattern ${k} in note ${i}`).toEqual(spansOfOwnPass(pattern, lower, cap).flat());
        total += matches[k]?.length ?? 0;
      }
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('gives the note analysis the same minutes as a scan of the minute patterns alone', () => {
    for (const [i, text] of notes.entries()) {
      const note = { id: `n${i}`, text, source: { label: 'note' } };
      const alone = extractMinutes(note, layoutOf(text));
      const analysis = analyzeNotes([note]);
      expect(analysis.minutes, `note ${i}`).toEqual(alone.perCode);
      expect(analysis.totalTimed, `note ${i}`).toEqual(alone.totalTimed);
      expect(analysis.totalTreatment, `note ${i}`).toEqual(alone.totalTreatment);
    }
  });

  it('leaves a pattern out only when it cannot match the note', () => {
    const word = fc.constantFrom(
      'time',
      'timed',
      'total',
      'out',
      'in',
      'min',
      'mins',
      'mn',
      "'",
      '’',
      '′',
      'based',
      '-',
      ' ',
      ':',
      '=',
      '1:1',
      '9:05',
      '23',
      '47',
      'code',
      'treatment',
      // Whole phrases, so that random notes hold matches as well as near misses.
      'time in 9:05',
      'time out 9:50',
      'total timed minutes: 47',
      '47 timed min',
      'time-based minutes 30',
      'time based min 30',
      '1:1 timed min 20',
      'total treatment time 50',
      '23 min',
      "15'",
      '8 mn',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), (words) => {
        const lower = words.join(' ').replaceAll('  ', ' ');
        const unneeded = minutePatternsUnneeded(lower);
        for (const [k, pattern] of MINUTE_PATTERNS.entries()) {
          if ((unneeded & (1 << k)) !== 0) expect(spansOfOwnPass(pattern, lower), lower).toEqual([]);
        }
      }),
      { numRuns: 4000 },
    );
  });
});

/** Each entry's pattern run on its own over the label, the plain way: what the word scan must agree with. */
function lastInterventionByEachPattern(label: string): LabelMatch | undefined {
  let code: LabelMatch | undefined;
  eachMatch(PATTERNS.codeInText, label, (m) => {
    code = { code: m[0], index: m.index, end: m.index + m[0].length };
  });
  if (code) return code;
  let best: LabelMatch | undefined;
  for (const entry of INTERVENTION_LABELS) {
    eachMatch(entry.pattern, label, (m) => {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { code: entry.code, index: m.index, end };
    });
  }
  return best;
}

function leadingByEachPattern(text: string): LabelMatch | undefined {
  const code = firstMatch(PATTERNS.codeInText, text);
  if (code?.index === 0) return { code: code[0], index: 0, end: code[0].length };
  for (const entry of INTERVENTION_LABELS) {
    const m = firstMatch(entry.pattern, text);
    if (m?.index === 0) return { code: entry.code, index: 0, end: m[0].length };
  }
  return undefined;
}

describe('intervention labels through the word scan', () => {
  const WORDS = [
    'Gait',
    'GT',
    'gait trng',
    'gait/stair training',
    'Amb training',
    'stairs negotiation',
    'Ther ex',
    'therapeutic exercises',
    'TE',
    'NMR',
    'neuro re-ed',
    'balance  training',
    'Manual',
    'joint mobs',
    'STM',
    'ther act',
    'TA',
    'functional training',
    'self-care',
    'ADL training',
    'ultrasound',
    'ionto',
    'massage',
    'group tx',
    'physical performance testing',
    'orthotic fitting',
    'prosthetic training',
    'e-stim',
    'unattended  estim',
    'hot pack',
    'moist heat',
    '97116',
    '(97110)',
    'G0283',
    'x2',
    ':',
    ' ',
    '-',
    '/',
    'İ',
    'K',
    'rest',
    'gaitx',
    'xgait',
    '_gt',
  ];

  it('finds the same label as each pattern run on its own, on random labels', () => {
    const label = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(label, (text) => {
        expect(lastInterventionIn(text)).toEqual(lastInterventionByEachPattern(text));
        expect(leadingIntervention(text)).toEqual(leadingByEachPattern(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('finds the same label on every line end of the golden notes', () => {
    let named = 0;
    for (const note of GOLDEN_NOTES) {
      for (const line of note.split('\n')) {
        const label = line.slice(-80);
        const found = lastInterventionIn(label);
        expect(found, label).toEqual(lastInterventionByEachPattern(label));
        expect(leadingIntervention(line), line).toEqual(leadingByEachPattern(line));
        if (found) named++;
      }
    }
    expect(named).toBeGreaterThan(100);
  });

  it('refuses a pattern that does not start a word, or a case-insensitive one written in capitals', () => {
    expect(() => wordScannerOf([/gait/g])).toThrow(/must start with/);
    expect(() => wordScannerOf([/\b(?:gait|-x)/g])).toThrow(/must start with/);
    expect(() => wordScannerOf([/\bGait/gi])).toThrow(/lower-case/);
    expect(() => wordScannerOf([/\bgait\b/gi, /\b\d min/g])).not.toThrow();
  });
});
