/** The minutes reader (src/engine/minutes): forms, owners, items, totals, unreadable figures. */
import { describe, expect, it } from 'vitest';
import { durationOf, numberFromWords } from '../../../src/engine/minutes/forms';
import type { MinuteFigure } from '../../../src/engine/minutes/read';
import { readMinutes } from '../../../src/engine/minutes/read';
import { labelledRows } from '../../../src/engine/minutes/rows';
import { analyzeNotes } from '../../../src/engine/note/analyze';
import { findingOf, rulesFired, run } from './helpers';

function read(text: string): string[] {
  return readMinutes('n', text, () => false).figures.map(figureText);
}

/** Today's figures only, as the engine reads them (plans and history left out). */
function today(text: string): string[] {
  return analyzeNotes([{ id: 'n', text, source: {} }]).minutes.map(figureText);
}

function figureText(f: MinuteFigure): string {
  return `${f.kind}${f.code ? ` ${f.code}` : ''} ${f.minutes}${f.unreadable ? ' unreadable' : ''}`;
}

describe('durations', () => {
  it.each([
    ['28', 28],
    ['0:42', 42],
    ['1:05', 65],
    ['1 hr 10 min', 70],
    ['1 hour and 5 minutes', 65],
    ['1.5 hrs', 90],
    ['3/4 hr', 45],
    ['half an hour', 30],
    ['thirty-one minutes', 31],
    ['twenty four min', 24],
    ['eighteen', 18],
    ['18-20 min', 18],
    ["25'", 25],
    ['2u/26m', 26],
    ['1 unit / 9 min', 9],
  ])('%s is %i minutes', (value, minutes) => {
    expect(durationOf(value)?.minutes).toBe(minutes);
  });

  it('reads no duration from what is not one', () => {
    for (const value of ['150 ft', 'RW, CGA', '2x10', '128/76', '9/10/2024', 'seven dwarfs']) {
      expect(durationOf(value)).toBeUndefined();
    }
    expect(numberFromWords('twenty-eleven')).toBeUndefined();
  });
});

describe('whose minutes', () => {
  it('a clock range per code, in 24-hour and 12-hour form', () => {
    expect(read('1300-1315  Ther ex (97110): bike\n1315-1343  Gait training: FWW, SBA')).toEqual([
      'code 97110 15',
      'code 97116 28',
    ]);
    expect(read('12:50-1:15 gait training with SPC')).toEqual(['code 97116 25']);
  });

  it('an item of an activity list is part of its entry, not all of it', () => {
    expect(read('Gait training (97116) - treadmill 8 min, overground 150 ft')).toEqual(['part 97116 8']);
    expect(read('Ther ex 97110 (22 min): bike 6 min, treadmill gait 8 min as warm-up.')).toEqual([
      'code 97110 22',
      'part 97110 6',
      'part 97110 8',
    ]);
  });

  it('shorthand that gives units and minutes together', () => {
    expect(read("GT 2u/26m: amb 250' x2 w/ FWW CGA\nTE 1u/9m: bridges")).toEqual([
      'code 97116 26',
      'code 97110 9',
    ]);
    expect(read('97116 - 2 units / 27 min (gait, RW, SBA)')).toEqual(['code 97116 27']);
  });

  it('a new sentence or a joined clause starts a new entry', () => {
    expect(read('Gait training 27 min, FWW, CGA. Ther ex 10 min.')).toEqual([
      'code 97116 27',
      'code 97110 10',
    ]);
    expect(
      read('seen for gait training for thirty-one minutes and therapeutic exercise for eight minutes'),
    ).toEqual(['code 97116 31', 'code 97110 8']);
  });

  it('a session label is neither a total nor a code; rest is no one’s time', () => {
    expect(
      read('Afternoon session 35 min\nGait training: 20 min with SPC.\nSeated rest and vitals: 15 min'),
    ).toEqual(['code 97116 20']);
    expect(read('PM session: Gait training 97116 - 23 min, RW')).toEqual(['code 97116 23']);
  });

  it('totals in every written form', () => {
    expect(read('TTM 38 / TTT 45')).toEqual(['total-timed 38', 'treatment-time 45']);
    expect(read('Total timed: 0:42\nTotal tx time: 0:50')).toEqual(['total-timed 42', 'treatment-time 50']);
    expect(read('Total timed minutes were thirty-nine.')).toEqual(['total-timed 39']);
    expect(read('Total timed minutes for the day: 39')).toEqual(['total-timed 39']);
    expect(read('Total timed code minutes: 1 hr 2 min')).toEqual(['total-timed 62']);
    expect(read('Time in: 2:10 pm   Time out: 2:42 pm')).toEqual(['visit 32']);
  });

  it('tables padded with blanks, drawn with pipes, or ruled with dashes', () => {
    const padded = 'Intervention      Code     Min    Comments\nGait Training     97116    24     RW, CGA';
    expect(read(padded)).toEqual(['code 97116 24']);
    const piped =
      '| Procedure     | CPT   | Minutes | Units |\n|---|---|---|---|\n| Gait training | 97116 | 23      | 2     |';
    expect(read(piped)).toEqual(['code 97116 23']);
    const dashed = '-----\n Activity     | CPT   | Time (min)\n-----\n Ther ex      | 97110 | 17\n-----';
    expect(read(dashed)).toEqual(['code 97110 17']);
  });

  it('flowsheet rows: the value under its label, and "Time" under an intervention block', () => {
    expect(read('Gait Training (97116) Minutes\n25\nTotal Timed Minutes\n39')).toEqual([
      'code 97116 25',
      'total-timed 39',
    ]);
    expect(read('Gait Training\nTime\n0:24\nDistance (feet)\n120')).toEqual(['code 97116 24']);
    expect(read('PT Gait Training\nMinutes:\n28')).toEqual(['code 97116 28']);
  });

  it('rows keep their labels', () => {
    const rows = labelledRows('Distance (feet)\n120\nAssist: Min assist');
    expect(rows.map((r) => `${r.label}=${r.value}`)).toEqual(['Distance (feet)=120', 'Assist=Min assist']);
  });

  it('0 or 1 minute is unreadable', () => {
    expect(read('Total Timed Minutes: 0')).toEqual(['total-timed 0 unreadable']);
  });
});

describe('the cases the earlier reader was held to', () => {
  it.each([
    ['Gait training (97116): 23 min', ['code 97116 23']],
    ["GT 15'", ['code 97116 15']],
    ['97116 x2 (27 min)', ['code 97116 27']],
    ['gait trng 8-10 min', ['code 97116 8']],
    ['23 minutes of gait training with FWW', ['code 97116 23']],
    ['Ther ex 15 min, gait training with FWW 23 min', ['code 97110 15', 'code 97116 23']],
    ['NMR 10 mins; manual therapy 8 min', ['code 97112 10', 'code 97140 8']],
    ['Stair training 12 min', ['code 97116 12']],
    ['Gait training 10 min; ther ex 15 min', ['code 97116 10', 'code 97110 15']],
    ['Ther ex 10 min, gait training; 15 min', ['code 97110 10']],
    ['Gait training 23 min with 2 min seated rest', ['code 97116 23']],
    ["Gait training: amb 150' x3 with FWW", []],
    ['6-minute walk test: 600 feet', []],
    ['Restorator 25 minutes. Ball activities 4 to 5 minutes.', []],
    ['Total timed minutes: 47', ['total-timed 47']],
    ['Timed code minutes = 38.', ['total-timed 38']],
    ['total treatment time 50 min', ['treatment-time 50']],
    ['Total time: 52', ['treatment-time 52']],
    ['time in 9:05 / time out 9:50', ['visit 45']],
    ['Time In: 11:40 am  Time Out: 12:25 pm', ['visit 45']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('finds tables whatever their column breaks, case and place', () => {
    const rows = (header: string, sep: string) =>
      [header, `Gait training${sep}23`, `Ther ex${sep}15`, ''].join('\n');
    const before = 'Date of service: 09/10/2024    Visit 7 of 12\nGait training 20 min with CGA.\n';
    for (const [header, sep] of [
      ['Intervention | Minutes', ' | '],
      ['PROCEDURE\tTIME', '\t'],
      ['Treatment    Time (min)', '    '],
      ['CPT  |  Total min', '  |  '],
    ] as const) {
      const expected = ['code 97116 23', 'code 97110 15', 'code 97116 20'];
      expect(read(before + rows(header, sep)), header).toEqual(expected);
      expect(read(`Vitals  BP 120/80  HR 70\n${rows(header, sep)}\n${rows(header, sep)}`), header).toEqual([
        'code 97116 23',
        'code 97110 15',
        'code 97116 23',
        'code 97110 15',
      ]);
    }
    expect(read(`Intervention | Min ${'x'.repeat(400)}\nGait training | 23\n`)).toEqual([]);
    expect(read('Gait training | 23\nTher ex | 15\n')).toEqual([]);
    const words = 'Time: 9:05. Total 40 min.\n'.repeat(400);
    expect(read(words + rows('Intervention | Minutes', ' | ')).slice(-2)).toEqual([
      'code 97116 23',
      'code 97110 15',
    ]);
  });

  it('leaves out minutes of a plan or of the history', () => {
    expect(today('PLAN: gait training 3x/week, 30 min sessions')).toEqual([]);
    expect(today('Plan:\nGait training 30 min')).toEqual([]);
    expect(today('HISTORY: walked 20 min daily before the fall')).toEqual([]);
    expect(today('O: Gait training 20 min with CGA')).toEqual(['code 97116 20']);
  });
});

describe('no charge is removed on an unreadable figure', () => {
  it('a total of 0 beside per-code minutes leaves the units to the per-code minutes', () => {
    const note = 'Gait training (97116): 25 min, RW, CGA.\nTher ex (97110): 14 min.\nTotal Timed Minutes: 0';
    expect(rulesFired({ note, charges: '97116:2:GP,97110:1:GP' })).not.toContain('units-exceed-minutes');
  });

  it('a gait figure of 1 minute never turns into "remove 97116"', () => {
    const note = 'Gait training: 1 min\nPt ambulated 150 ft with RW, CGA, VC for step length.';
    const findings = run({ note, charges: '97116:2:GP' });
    expect(findings.some((f) => /remove 97116/i.test(f.fix))).toBe(false);
    expect(findingOf({ note, charges: '97116:2:GP' }, 'minutes-not-documented')?.explanation).toContain(
      'unreadable',
    );
  });
});
