import { describe, expect, it } from 'vitest';
import type { ChargeLine } from '../../../src/engine/model';
import { analyzeEncounter } from '../../../src/engine/index';
import { reviewDay } from '../../../src/engine/day-review';
import { encounter, type EncounterSpec } from './helpers';

/** A charge line that carries its own minutes (some fee sheets show them), so no note reading is involved. */
function line(
  code: string,
  units: number,
  minutes?: number,
  status: ChargeLine['status'] = 'unbilled',
): ChargeLine {
  return {
    id: `l-${code}-${units}-${minutes ?? 'x'}-${status}`,
    code,
    units,
    modifiers: ['GP'],
    ...(minutes === undefined ? {} : { minutes }),
    status,
    source: { label: 'Fee sheet' },
  };
}

function units(spec: EncounterSpec) {
  const e = encounter(spec);
  return reviewDay(e, analyzeEncounter(e)).units;
}

function table(spec: EncounterSpec) {
  return Object.fromEntries(units(spec).lines.map((l) => [l.code, l.supported]));
}

describe('day units: the CMS worked examples of Pub 100-04 ch.5 §20.2', () => {
  it('97112 24 + 97110 23 = 47 min: 97112 × 2, 97110 × 1', () => {
    const u = units({ lines: [line('97112', 2, 24), line('97110', 1, 23)] });
    expect(u.timedMinutes).toBe(47);
    expect(u.supportedTotal).toBe(3);
    expect(table({ lines: [line('97112', 2, 24), line('97110', 1, 23)] })).toEqual({
      '97112': 2,
      '97110': 1,
    });
  });
  it('97112 20 + 97110 20 = 40 min: 2 + 1 either way, never 3 of one; the spare unit follows the billing', () => {
    const asBilled = units({ lines: [line('97112', 1, 20), line('97110', 2, 20)] });
    expect(asBilled.supportedTotal).toBe(3);
    expect(Object.fromEntries(asBilled.lines.map((l) => [l.code, l.supported]))).toEqual({
      '97112': 1,
      '97110': 2,
    });
    for (const l of asBilled.lines) expect(l.range).toEqual({ min: 1, max: 2 });
    const other = table({ lines: [line('97112', 2, 20), line('97110', 1, 20)] });
    expect(other).toEqual({ '97112': 2, '97110': 1 });
  });
  it('97110 33 + 97140 7 = 40 min: 97110 × 2, 97140 × 1', () => {
    expect(table({ lines: [line('97110', 2, 33), line('97140', 1, 7)] })).toEqual({ '97110': 2, '97140': 1 });
  });
  it('97110 18, 97140 13, 97116 10, 97035 8 = 49 min: one each, 97035 none; 97116 listed first', () => {
    const u = units({
      lines: [line('97110', 1, 18), line('97140', 1, 13), line('97116', 1, 10), line('97035', 1, 8)],
    });
    expect(u.lines.map((l) => [l.code, l.minutes, l.supported, l.billed])).toEqual([
      ['97116', 10, 1, 1],
      ['97110', 18, 1, 1],
      ['97140', 13, 1, 1],
      ['97035', 8, 0, 1],
    ]);
    expect(u.supportedTotal).toBe(3);
    expect(u.billedTotal).toBe(4);
  });
});

describe('day units: CMS against per-code (§2 differences)', () => {
  it.each([
    [8, 8, 1, 2],
    [7, 7, 1, 0],
  ])('%i + %i min: CMS %i unit(s) in all, per-code %i', (a, b, cms, perCode) => {
    const lines = [line('97116', 1, a), line('97110', 1, b)];
    expect(units({ lines }).supportedTotal).toBe(cms);
    expect(units({ lines, medicare: false }).supportedTotal).toBe(perCode);
    expect(units({ lines, medicare: false }).method).toBe('per-code');
  });
  it('97110 33 + 97140 7: CMS 3, per-code 2', () => {
    const lines = [line('97110', 2, 33), line('97140', 1, 7)];
    expect(units({ lines }).supportedTotal).toBe(3);
    expect(table({ lines, medicare: false })).toEqual({ '97110': 2, '97140': 0 });
  });
  it('several codes of ≤ 7 min that reach 8 together: one unit, to the code with the most minutes', () => {
    expect(table({ lines: [line('97110', 1, 5), line('97140', 1, 3)] })).toEqual({ '97110': 1, '97140': 0 });
  });
});

describe('day units: what the page leaves unwritten', () => {
  const NOTE = [
    'O: Gait training (97116): 25 min with FWW on level tile and ramp; VC for step length, TC at pelvis, CGA on ramp.',
    'Ther ex (97110): standing hip abduction, bridges 2x10, mini squats.',
    'Total timed minutes: 47.',
  ].join('\n');

  it('the one code without minutes gets what the stated total leaves (6 billed for 47 min → 3)', () => {
    const u = units({ note: NOTE, charges: '97116:4:GP,97110:2:GP' });
    expect(u.timedMinutes).toBe(47);
    expect(u.supportedTotal).toBe(3);
    expect(u.billedTotal).toBe(6);
    expect(u.lines.map((l) => [l.code, l.minutes, l.minutesFrom, l.supported, l.billed])).toEqual([
      ['97116', 25, 'note', 2, 4],
      ['97110', 22, 'total', 1, 2],
    ]);
  });
  it('two codes without minutes: no per-code answer, only the day total and the known code bounds', () => {
    const u = units({ note: NOTE, charges: '97116:4:GP,97110:2:GP,97140:1:GP' });
    expect(u.supportedTotal).toBe(3);
    const gait = u.lines.find((l) => l.code === '97116');
    expect(gait?.supported).toBeNull();
    expect(gait?.range).toEqual({ min: 1, max: 2 });
    expect(u.lines.find((l) => l.code === '97140')).toMatchObject({
      minutes: null,
      supported: null,
      range: null,
    });
  });
  it('no total and a code without minutes: the day total is unknown too', () => {
    const u = units({ lines: [line('97116', 2, 30), line('97110', 2)] });
    expect(u.timedMinutes).toBeNull();
    expect(u.supportedTotal).toBeNull();
    expect(u.lines[0]).toMatchObject({ code: '97116', supported: 2 });
  });
  it('a stated total below the sum of the parts caps the day; the weakest unit goes first', () => {
    const u = units({
      note: 'Gait training (97116): 26 min. Ther ex (97110): 24 min. Total timed minutes: 37.',
      charges: '97116:2:GP,97110:2:GP',
    });
    expect(u.caveat).toContain('differs');
    // 50 min of parts would give 3; the stated 37 gives 2: 97116's second unit rests on 11 min, the fewest.
    expect(u.supportedTotal).toBe(2);
    expect(u.lines.map((l) => [l.code, l.supported])).toEqual([
      ['97116', 1],
      ['97110', 1],
    ]);
  });
  it('leaves out deleted lines and untimed codes', () => {
    const u = units({ lines: [line('97116', 2, 30), line('97110', 2, 20, 'deleted'), line('97150', 1)] });
    expect(u.lines.map((l) => l.code)).toEqual(['97116']);
  });
  it('lists a timed code documented but not billed, with 0 billed', () => {
    const u = units({
      note: 'Gait training (97116): 23 min, VC for heel strike, CGA. Ther ex (97110): 15 min.',
      charges: '97116:2:GP',
    });
    expect(u.lines.map((l) => [l.code, l.supported, l.billed])).toEqual([
      ['97116', 2, 2],
      ['97110', 1, 0],
    ]);
  });
});
