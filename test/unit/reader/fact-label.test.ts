import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FACT_LABEL, FACT_LABEL_STARTS, mayStartFactLabel } from '../../../src/reader/scan';

/** The alternatives of the pattern's first group (FACT_LABEL is ^\s*(name|name|...)…), nested groups kept whole. */
function namesOf(source: string): string[] {
  const names: string[] = [];
  let from = source.indexOf('(') + 1;
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if ((ch === '|' || ch === ')') && depth === 0) {
      names.push(source.slice(from, i));
      from = i + 1;
      if (ch === ')') break;
    }
  }
  return names;
}

describe('mayStartFactLabel', () => {
  it('knows the first two letters of every FACT_LABEL name (read from the pattern itself)', () => {
    const names = namesOf(FACT_LABEL.source);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(name, 'a name starts with two letters').toMatch(/^[a-z]{2}/);
      expect(FACT_LABEL_STARTS.has(name.charCodeAt(0) * 128 + name.charCodeAt(1)), name).toBe(true);
    }
  });

  it('never turns away a text that FACT_LABEL matches', () => {
    const word = fc.constantFrom(
      'Date of Service',
      'DOS',
      'dos',
      'Payer',
      'PAYOR',
      'plan',
      'Insurance',
      'Rendering Provider',
      'Treated by',
      'Supervising therapist',
      'Patient',
      'PID',
      '8:05',
      'Zip',
      'é',
      'İ',
      'ſervice date',
      ' ',
      '\u00a0',
      '\t',
      '\n',
      '\u0001',
      ':',
      'x',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), (words) => {
        const text = words.join('');
        if (FACT_LABEL.test(text)) expect(mayStartFactLabel(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(mayStartFactLabel('  Date of service: 2024-05-14')).toBe(true);
    expect(mayStartFactLabel('\u00a0Payer')).toBe(true);
    expect(mayStartFactLabel('Patient 12')).toBe(true);
    expect(mayStartFactLabel('PID 10012')).toBe(false);
    expect(mayStartFactLabel('8:05')).toBe(false);
    expect(mayStartFactLabel('')).toBe(false);
  });

  it('matches no text shorter than three characters, so the walk skips those', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2 }), (text) => {
        expect(FACT_LABEL.test(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(FACT_LABEL.test('dos')).toBe(true);
  });
});
