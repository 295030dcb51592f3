/**
 * Property (domain doc §8): the same gait-training minutes written in any form a therapist uses give the
 * same unit verdicts: prose, primes, h:mm, hours and minutes, fractions, words, ranges, clock ranges,
 * padded and piped tables, flowsheet rows with the value under the label.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/engine/model';
import { run } from './helpers';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function words(n: number): string | undefined {
  if (n < 10) return UNITS[n - 1];
  if (n < 20) return n === 19 ? 'nineteen' : TEENS[n - 10];
  if (n >= 100) return undefined;
  const tens = TENS[Math.floor(n / 10) - 2];
  return n % 10 === 0 ? tens : `${tens}-${UNITS[(n % 10) - 1]}`;
}

const hmm = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
const FRACTIONS: Readonly<Record<number, string>> = {
  15: '1/4 hr',
  20: '1/3 hr',
  30: '1/2 hr',
  45: '3/4 hr',
};

/** Each form of §8 for m minutes of gait training, or undefined where the form cannot say m. */
const FORMS: Readonly<Record<string, (m: number) => string | undefined>> = {
  prose: (m) => `Gait training (97116): ${m} min`,
  prime: (m) => (m <= 90 ? `GT 97116 - ${m}'` : undefined),
  'code first': (m) => `97116 x2 (${m} min)`,
  'h:mm': (m) => `Gait training ${hmm(m)}`,
  'hours and minutes': (m) => (m > 60 ? `Gait training: 1 hr ${m - 60} min` : undefined),
  fraction: (m) => (FRACTIONS[m] ? `Gait training x ${FRACTIONS[m]}` : undefined),
  words: (m) => (words(m) ? `Gait training for ${words(m)} minutes` : undefined),
  'words after': (m) => `${m} minutes of gait training`,
  range: (m) => `GT ${m}-${m + 3} min`,
  'units and minutes': (m) => `GT ${Math.max(1, Math.round(m / 15))}u/${m}m`,
  'clock range': (m) => `${clock(14 * 60 + 10)}-${clock(14 * 60 + 10 + m)}  Gait training (97116)`,
  'padded table': (m) => `Intervention          Code     Min\nGait training         97116    ${m}`,
  'piped table': (m) => `| Intervention | CPT | Minutes |\n|---|---|---|\n| Gait training | 97116 | ${m} |`,
  'value under label': (m) => `Gait Training (97116) Minutes\n${m}`,
  'block time as h:mm': (m) => `Gait Training\nTime\n${hmm(m)}\nDevice\nRolling walker`,
  'total timed only': (m) => `Gait training as below.\nTotal timed: ${m} min`,
};

const SKILLED = 'Pt ambulated 150 ft x 2 with RW, CGA; VC for step length and heel strike.';
const UNIT_RULES = new Set(['units-exceed-minutes', 'units-below-minutes', 'minutes-not-documented']);

function unitVerdicts(findings: readonly Finding[]): string[] {
  return findings.filter((f) => UNIT_RULES.has(f.rule)).map((f) => `${f.rule} ${f.severity}: ${f.message}`);
}

describe('the same minutes in every form of §8 give the same units', () => {
  it('holds for 8 to 120 minutes and 1 to 6 units billed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 120 }), fc.integer({ min: 1, max: 6 }), (minutes, units) => {
        const charges = `97116:${units}:GP`;
        const baseline = unitVerdicts(run({ note: `${SKILLED}\n${FORMS.prose?.(minutes)}`, charges }));
        for (const [form, write] of Object.entries(FORMS)) {
          const line = write(minutes);
          if (line === undefined) continue;
          const verdicts = unitVerdicts(run({ note: `${SKILLED}\n${line}`, charges }));
          expect({ form, verdicts }).toEqual({ form, verdicts: baseline });
        }
      }),
      { numRuns: 150 },
    );
  });
});
