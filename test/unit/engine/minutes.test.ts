import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/engine/note/layout';
import { clockDifference, extractMinutes, quoteOf } from '../../../src/engine/note/minutes';

function minutesIn(text: string) {
  const result = extractMinutes({ id: 'n', text, source: {} }, layoutOf(text));
  return {
    perCode: result.perCode.map((e) => [e.code, e.minutes]),
    totalTimed: result.totalTimed.map((f) => f.minutes),
    treatment: result.totalTreatment.map((f) => f.minutes),
  };
}

describe('minutes as therapists write them', () => {
  it.each([
    ['Gait training (97116): 23 min', [['97116', 23]]],
    ["GT 15'", [['97116', 15]]],
    ['97116 x2 (27 min)', [['97116', 27]]],
    ['gait trng 8-10 min', [['97116', 8]]],
    ['23 minutes of gait training with FWW', [['97116', 23]]],
    [
      'Ther ex 15 min, gait training with FWW 23 min',
      [
        ['97110', 15],
        ['97116', 23],
      ],
    ],
    [
      'NMR 10 mins; manual therapy 8 min',
      [
        ['97112', 10],
        ['97140', 8],
      ],
    ],
    ['Stair training 12 min', [['97116', 12]]],
  ])('%s', (text, expected) => {
    expect(minutesIn(text).perCode).toEqual(expected);
  });

  it('reads totals of timed minutes and of treatment time', () => {
    expect(minutesIn('Total timed minutes: 47').totalTimed).toEqual([47]);
    expect(minutesIn('Timed code minutes = 38.').totalTimed).toEqual([38]);
    expect(minutesIn('47 total timed minutes').totalTimed).toEqual([47]);
    expect(minutesIn('total treatment time 50 min').treatment).toEqual([50]);
    expect(minutesIn('Total time: 52').treatment).toEqual([52]);
    expect(minutesIn('Total treatment time 50 min').perCode).toEqual([]);
  });

  it('reads time in and time out', () => {
    expect(minutesIn('time in 9:05 / time out 9:50').treatment).toEqual([45]);
    expect(minutesIn('Time In: 11:40 am  Time Out: 12:25 pm').treatment).toEqual([45]);
    expect(clockDifference('12', '50', undefined, '1', '35', undefined)).toBe(45);
    expect(clockDifference('9', '50', undefined, '9', '50', undefined)).toBeUndefined();
  });

  it('reads tables of interventions with a minutes column', () => {
    const table = [
      'Intervention | Minutes | Units',
      'Gait training (97116) | 23 | 2',
      'Ther ex | 15 | 1',
      '',
      'Pt tolerated well.',
    ].join('\n');
    expect(minutesIn(table).perCode).toEqual([
      ['97116', 23],
      ['97110', 15],
    ]);
  });

  it('finds a table wherever its header line is, whatever column breaks and case it uses', () => {
    const rows = (header: string, sep: string) =>
      [header, `Gait training${sep}23`, `Ther ex${sep}15`, ''].join('\n');
    const before = 'Date of service: 09/10/2024    Visit 7 of 12\nGait training 20 min with CGA.\n';
    for (const [header, sep] of [
      ['Intervention | Minutes', ' | '],
      ['PROCEDURE\tTIME', '\t'],
      ['Treatment    Time (min)', '    '],
      ['CPT  |  Total min', '  |  '],
    ] as const) {
      const expected = [
        ['97116', 20],
        ['97116', 23],
        ['97110', 15],
      ];
      expect(minutesIn(before + rows(header, sep)).perCode, header).toEqual(expected);
      // A second table after the first, and a line of cells before either that heads nothing.
      expect(
        minutesIn(`Vitals  BP 120/80  HR 70\n${before}${rows(header, sep)}\n${rows(header, sep)}`).perCode,
        header,
      ).toEqual([...expected, ['97116', 23], ['97110', 15]]);
    }
    // A header that only says "min" on a line of more than 400 characters heads nothing.
    expect(minutesIn(`Intervention | Min ${'x'.repeat(400)}\nGait training | 23\n`).perCode).toEqual([]);
    expect(minutesIn('Gait training | 23\nTher ex | 15\n').perCode).toEqual([]);
    // Past the first thousand words that could start a header cell, the table is still found.
    const words = 'Time: 9:05. Total 40 min.\n'.repeat(400);
    expect(minutesIn(words + rows('Intervention | Minutes', ' | ')).perCode.slice(-2)).toEqual([
      ['97116', 23],
      ['97110', 15],
    ]);
  });

  it('reads a label back to the line start or a semicolon, whichever is nearer', () => {
    expect(minutesIn('Gait training 10 min; ther ex 15 min').perCode).toEqual([
      ['97116', 10],
      ['97110', 15],
    ]);
    // The clause after a semicolon names no intervention, so its minutes are nobody's.
    expect(minutesIn('Gait training; 15 min').perCode).toEqual([]);
    expect(minutesIn('Ther ex 10 min, gait training; 15 min').perCode).toEqual([['97110', 10]]);
    expect(minutesIn('Gait training\n15 min').perCode).toEqual([]);
  });

  it('does not take feet, tests, rests, plans or history for minutes', () => {
    expect(minutesIn("Gait training: amb 150' x3 with FWW").perCode).toEqual([]);
    expect(minutesIn('6-minute walk test: 600 feet').perCode).toEqual([]);
    expect(minutesIn('Gait training 23 min with 2 min seated rest').perCode).toEqual([['97116', 23]]);
    expect(minutesIn('PLAN: gait training 3x/week, 30 min sessions').perCode).toEqual([]);
    expect(minutesIn('Plan:\nGait training 30 min').perCode).toEqual([]);
    expect(minutesIn('HISTORY: walked 20 min daily before the fall').perCode).toEqual([]);
    expect(minutesIn('Restorator 25 minutes. Ball activities 4 to 5 minutes.').perCode).toEqual([]);
  });
});

describe('quoteOf', () => {
  it('cuts the quote at 200 characters, folds each run of white space into one blank and trims it', () => {
    expect(quoteOf('x Gait training (97116): 23 min y', 2, 31)).toBe('Gait training (97116): 23 min');
    expect(quoteOf('Gait  training\n23 min ', 0, 23)).toBe('Gait training 23 min');
    expect(quoteOf('\u00a0lead', 0, 5)).toBe('lead');
    expect(quoteOf('trail\t\r\n', 0, 8)).toBe('trail');
    expect(quoteOf('x'.repeat(300), 0, 300)).toBe('x'.repeat(200));
    expect(quoteOf('abc', 2, 1)).toBe('');
  });
});
