import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/engine/note/layout';
import { clockDifference, extractMinutes } from '../../../src/engine/note/minutes';

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
