import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateCms,
  cmsBoundsWithoutOthers,
  cmsTotalUnits,
  perCodeUnits,
  unitsForMinutes,
} from '../../../src/engine/units';

const minutesOf = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('unitsForMinutes (the 8-minute bands)', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
  ])('%i minutes → %i units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });
});

describe('CMS worked examples (Pub 100-04 ch.5 §20.2)', () => {
  it('97112 24 + 97110 23 = 47 → 97112 × 2, 97110 × 1', () => {
    const allocation = allocateCms(minutesOf({ '97112': 24, '97110': 23 }));
    expect(allocation.get('97112')).toEqual({ min: 2, max: 2 });
    expect(allocation.get('97110')).toEqual({ min: 1, max: 1 });
  });
  it('97112 20 + 97110 20 = 40 → 2 + 1 either way, never 3 of one', () => {
    const allocation = allocateCms(minutesOf({ '97112': 20, '97110': 20 }));
    expect(allocation.get('97112')).toEqual({ min: 1, max: 2 });
    expect(allocation.get('97110')).toEqual({ min: 1, max: 2 });
    expect(cmsTotalUnits(40)).toBe(3);
  });
  it('97110 33 + 97140 7 = 40 → 97110 × 2, 97140 × 1', () => {
    const allocation = allocateCms(minutesOf({ '97110': 33, '97140': 7 }));
    expect(allocation.get('97110')).toEqual({ min: 2, max: 2 });
    expect(allocation.get('97140')).toEqual({ min: 1, max: 1 });
  });
  it('97110 18, 97140 13, 97116 10, 97035 8 = 49 → one each of the first three, 97035 × 0', () => {
    const allocation = allocateCms(minutesOf({ '97110': 18, '97140': 13, '97116': 10, '97035': 8 }));
    expect(allocation.get('97110')).toEqual({ min: 1, max: 1 });
    expect(allocation.get('97140')).toEqual({ min: 1, max: 1 });
    expect(allocation.get('97116')).toEqual({ min: 1, max: 1 });
    expect(allocation.get('97035')).toEqual({ min: 0, max: 0 });
  });
  it('several codes each under 8 minutes that reach 8 together bill one unit of the largest', () => {
    const allocation = allocateCms(minutesOf({ '97116': 5, '97110': 4 }));
    expect(allocation.get('97116')).toEqual({ min: 1, max: 1 });
    expect(allocation.get('97110')).toEqual({ min: 0, max: 0 });
  });
});

describe('per-code versus CMS (domain doc §2)', () => {
  it('8 + 8 minutes: CMS 1 unit, per-code 2', () => {
    const minutes = minutesOf({ '97116': 8, '97110': 8 });
    const cms = allocateCms(minutes);
    expect((cms.get('97116')?.max ?? 0) + (cms.get('97110')?.min ?? 0)).toBe(1);
    expect([...perCodeUnits(minutes).values()].reduce((a, b) => a + b, 0)).toBe(2);
  });
  it('7 + 7 minutes: CMS 1 unit, per-code 0', () => {
    const minutes = minutesOf({ '97116': 7, '97110': 7 });
    expect(cmsTotalUnits(14)).toBe(1);
    expect([...perCodeUnits(minutes).values()].reduce((a, b) => a + b, 0)).toBe(0);
  });
  it('97110 33 + 97140 7: CMS 3, per-code 2', () => {
    const minutes = minutesOf({ '97110': 33, '97140': 7 });
    expect(cmsTotalUnits(40)).toBe(3);
    expect([...perCodeUnits(minutes).values()].reduce((a, b) => a + b, 0)).toBe(2);
  });
  it('bounds without the other codes: full units at least, one per started 15 at most, capped by the day', () => {
    expect(cmsBoundsWithoutOthers(23)).toEqual({ min: 1, max: 2 });
    expect(cmsBoundsWithoutOthers(30)).toEqual({ min: 2, max: 2 });
    expect(cmsBoundsWithoutOthers(23, 30)).toEqual({ min: 1, max: 2 });
    expect(cmsBoundsWithoutOthers(40, 22)).toEqual({ min: 1, max: 1 });
  });
});

const codeMinutes = fc.dictionary(
  fc.constantFrom('97110', '97112', '97116', '97140', '97530', '97035'),
  fc.integer({ min: 0, max: 120 }),
  { minKeys: 1 },
);

describe('unit math properties', () => {
  it('the CMS allocation never exceeds the chart total, and the ranges can reach it exactly', () => {
    fc.assert(
      fc.property(codeMinutes, (entries) => {
        const minutes = minutesOf(entries);
        const total = Object.values(entries).reduce((a, b) => a + b, 0);
        const allocation = [...allocateCms(minutes).values()];
        const sumMin = allocation.reduce((a, r) => a + r.min, 0);
        const sumMax = allocation.reduce((a, r) => a + r.max, 0);
        expect(sumMin).toBeLessThanOrEqual(cmsTotalUnits(total));
        expect(sumMax).toBeGreaterThanOrEqual(cmsTotalUnits(total));
        // A code done 15 or 30 minutes keeps at least 1 or 2 units.
        for (const [code, m] of minutes) {
          expect(allocateCms(minutes).get(code)?.min).toBeGreaterThanOrEqual(Math.floor(m / 15));
        }
      }),
    );
  });
  it('more minutes never give fewer units (one code, the day total, per-code)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 60 }), (m, extra) => {
        expect(unitsForMinutes(m + extra)).toBeGreaterThanOrEqual(unitsForMinutes(m));
        expect(cmsTotalUnits(m + extra)).toBeGreaterThanOrEqual(cmsTotalUnits(m));
      }),
    );
  });
  it('adding minutes to one code never lowers the CMS day total', () => {
    fc.assert(
      fc.property(codeMinutes, fc.integer({ min: 1, max: 30 }), (entries, extra) => {
        const [first] = Object.keys(entries);
        const before = Object.values(entries).reduce((a, b) => a + b, 0);
        const grown = { ...entries, [first ?? '97116']: (entries[first ?? '97116'] ?? 0) + extra };
        const after = Object.values(grown).reduce((a, b) => a + b, 0);
        expect(cmsTotalUnits(after)).toBeGreaterThanOrEqual(cmsTotalUnits(before));
      }),
    );
  });
  it('per-code units of one code equal the CMS units when it is the only timed code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (m) => {
        const only = minutesOf({ '97116': m });
        expect(allocateCms(only).get('97116')).toEqual({ min: unitsForMinutes(m), max: unitsForMinutes(m) });
      }),
    );
  });
  it('per-code and CMS differ by at most one unit per code', () => {
    fc.assert(
      fc.property(codeMinutes, (entries) => {
        const minutes = minutesOf(entries);
        const perCode = [...perCodeUnits(minutes).values()].reduce((a, b) => a + b, 0);
        const cms = cmsTotalUnits(Object.values(entries).reduce((a, b) => a + b, 0));
        expect(perCode).toBeLessThanOrEqual(cms + minutes.size);
        expect(cms).toBeLessThanOrEqual(perCode + minutes.size);
        // Both methods give each code its full 15-minute units and at most one per started 15 minutes.
        for (const [code, m] of minutes) {
          const range = allocateCms(minutes).get(code);
          for (const units of [unitsForMinutes(m), range?.min ?? -1, range?.max ?? -1]) {
            expect(units).toBeGreaterThanOrEqual(Math.floor(m / 15));
            expect(units).toBeLessThanOrEqual(Math.ceil(m / 15));
          }
        }
      }),
    );
  });
});
