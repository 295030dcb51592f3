/**
 * The day's units table: for every timed code of the date of service, the documented minutes, the units
 * those minutes support under the payer's method, and the units billed (domain doc §2). Under the CMS
 * method the 8-minute rule is a rule of the day: the units come from the day's total timed minutes and are
 * then allocated across the codes, so 97116 cannot be judged apart from the other timed codes billed with it.
 */
import type { ChargeLine, UnitMethod } from './model';
import type { DocumentedMinutes } from './rules/facts';
import { GAIT_CODE, timedCodesOfDay } from './rules/facts';
import type { UnitRange } from './units';
import { allocateCms, cmsBoundsWithoutOthers, cmsTotalUnits, isTimedCode, unitsForMinutes } from './units';

/** Where a code's minutes were read. */
export type MinutesFrom =
  /** Written for the code in the note. */
  | 'note'
  /** Shown on the charge line itself. */
  | 'charge'
  /** The day's stated total less every other code's minutes: the only code of the day without minutes. */
  | 'total'
  /** Not written anywhere GaitGuard read. */
  | 'none';

export interface DayUnitsLine {
  code: string;
  minutes: number | null;
  minutesFrom: MinutesFrom;
  /** Units the minutes support; null when they cannot be settled (minutes of the day not all written). */
  supported: number | null;
  /**
   * The units this code can correctly take: equal to `supported` when settled; wider when leftover minutes
   * tie under CMS (either code may take the unit) or when other codes' minutes are missing.
   */
  range: UnitRange | null;
  billed: number;
  /** The charge lines of this code, in page order. */
  lineIds: string[];
}

export interface DayUnits {
  method: UnitMethod;
  payer: string;
  /** The day's timed minutes: the note's stated total, else the sum of every code's minutes; null if unknown. */
  timedMinutes: number | null;
  timedMinutesFrom: 'stated' | 'per-code-sum' | 'none';
  /** Units the day supports in all; null when unknown. */
  supportedTotal: number | null;
  billedTotal: number;
  /** One sentence when the note's own figures disagree (a total unlike the sum of its parts). */
  caveat?: string;
  /** 97116 first, then the codes in the order the charge lines show them, then codes only documented. */
  lines: DayUnitsLine[];
}

interface Inputs {
  method: UnitMethod;
  payer: string;
  charges: readonly ChargeLine[];
  minutes: DocumentedMinutes;
}

function minutesOf(
  minutes: DocumentedMinutes,
  code: string,
): { minutes: number; from: MinutesFrom } | undefined {
  const m = minutes.byCode.get(code);
  if (!m) return undefined;
  const from: MinutesFrom = m.entries.length > 0 ? 'note' : m.fromCharge ? 'charge' : 'total';
  return { minutes: m.minutes, from };
}

/** Orders the day's codes: 97116 first, then page order of the charge lines, then codes only documented. */
function orderCodes(codes: readonly string[], charges: readonly ChargeLine[]): string[] {
  const position = (code: string) => {
    if (code === GAIT_CODE) return -1;
    const index = charges.findIndex((line) => line.code === code);
    return index === -1 ? charges.length : index;
  };
  return [...codes].sort((a, b) => position(a) - position(b));
}

/**
 * CMS units with a day total the per-code minutes do not add up to. A smaller stated total caps the day: the
 * codes whose unit rests on the fewest minutes beyond their full units give theirs up first. A larger total
 * leaves minutes no code is credited with, so the allocation of the written minutes stands.
 */
function capAllocation(
  allocation: Map<string, number>,
  minutesByCode: ReadonlyMap<string, number>,
  cap: number,
): Map<string, number> {
  const result = new Map(allocation);
  let over = [...result.values()].reduce((sum, units) => sum + units, 0) - cap;
  const byWeakest = [...result.keys()].sort((a, b) => {
    const left = (code: string) => (minutesByCode.get(code) ?? 0) - (result.get(code) ?? 0) * 15;
    return left(a) - left(b);
  });
  while (over > 0) {
    const code = byWeakest.find((c) => (result.get(c) ?? 0) > 0);
    if (code === undefined) break;
    result.set(code, (result.get(code) ?? 0) - 1);
    over--;
    byWeakest.push(byWeakest.splice(byWeakest.indexOf(code), 1)[0] ?? code);
  }
  return result;
}

/**
 * A CMS tie ("97112: 20, 97110: 20 → 2 + 1 either way") still needs one answer on a claim: the spare unit
 * goes to the code billed with more units (the fewest changes for the coder), then to 97116, then page order.
 */
function settleTies(
  ranges: ReadonlyMap<string, UnitRange>,
  total: number,
  billed: ReadonlyMap<string, number>,
  order: readonly string[],
): Map<string, number> {
  const result = new Map<string, number>();
  for (const [code, range] of ranges) result.set(code, range.min);
  let spare = total - [...result.values()].reduce((sum, units) => sum + units, 0);
  const tied = order
    .filter((code) => {
      const range = ranges.get(code);
      return range !== undefined && range.max > range.min;
    })
    .sort((a, b) => (billed.get(b) ?? 0) - (billed.get(a) ?? 0));
  for (const code of tied) {
    if (spare <= 0) break;
    result.set(code, (result.get(code) ?? 0) + 1);
    spare--;
  }
  return result;
}

export function dayUnits({ method, payer, charges, minutes }: Inputs): DayUnits {
  const counted = charges.filter((line) => line.status !== 'deleted');
  const codes = orderCodes(
    timedCodesOfDay(minutes, counted).filter((code) => isTimedCode(code)),
    counted,
  );
  const billed = new Map<string, number>();
  const lineIds = new Map<string, string[]>();
  for (const line of counted) {
    if (!isTimedCode(line.code)) continue;
    billed.set(line.code, (billed.get(line.code) ?? 0) + line.units);
    lineIds.set(line.code, [...(lineIds.get(line.code) ?? []), line.id]);
  }

  const known = new Map<string, { minutes: number; from: MinutesFrom }>();
  for (const code of codes) {
    const m = minutesOf(minutes, code);
    if (m) known.set(code, m);
  }
  const stated = minutes.totalTimed?.minutes;
  const missing = codes.filter((code) => !known.has(code));
  // With a stated total, the one code of the day without minutes has what the others leave of it.
  if (missing.length === 1 && stated !== undefined) {
    const others = [...known.values()].reduce((sum, m) => sum + m.minutes, 0);
    const [only] = missing;
    if (only !== undefined && stated - others >= 0)
      known.set(only, { minutes: stated - others, from: 'total' });
  }
  const allKnown = codes.length > 0 && codes.every((code) => known.has(code));
  const perCodeSum = [...known.values()].reduce((sum, m) => sum + m.minutes, 0);
  const timedMinutes = stated ?? (allKnown ? perCodeSum : null);
  const minutesByCode = new Map([...known].map(([code, m]) => [code, m.minutes]));

  const settled = new Map<string, number>();
  const ranges = new Map<string, UnitRange>();
  let supportedTotal: number | null = null;
  let caveat: string | undefined;

  if (method === 'per-code') {
    for (const [code, m] of minutesByCode) {
      const units = unitsForMinutes(m);
      settled.set(code, units);
      ranges.set(code, { min: units, max: units });
    }
    if (allKnown) supportedTotal = [...settled.values()].reduce((sum, units) => sum + units, 0);
  } else if (allKnown) {
    const cmsRanges = allocateCms(minutesByCode);
    const fromParts = cmsTotalUnits(perCodeSum);
    let allocation = settleTies(cmsRanges, fromParts, billed, codes);
    supportedTotal = fromParts;
    if (stated !== undefined && stated !== perCodeSum) {
      caveat = `The note's total of ${stated} timed minutes differs from its minutes per code (${perCodeSum} in all).`;
      const cap = cmsTotalUnits(stated);
      if (cap < fromParts) {
        allocation = capAllocation(allocation, minutesByCode, cap);
        supportedTotal = cap;
      }
    }
    for (const [code, units] of allocation) {
      settled.set(code, units);
      const range = cmsRanges.get(code) ?? { min: units, max: units };
      // A capped allocation is one answer, not a range: the cap already took the ties' freedom away.
      ranges.set(code, supportedTotal === fromParts ? range : { min: units, max: units });
    }
  } else {
    // Some codes' minutes are not written: each known code only has bounds, the day may still have a total.
    if (timedMinutes !== null) supportedTotal = cmsTotalUnits(timedMinutes);
    for (const [code, m] of minutesByCode) {
      const range = cmsBoundsWithoutOthers(m, stated);
      ranges.set(code, range);
      if (range.min === range.max) settled.set(code, range.min);
    }
  }

  const lines: DayUnitsLine[] = codes.map((code) => {
    const m = known.get(code);
    return {
      code,
      minutes: m?.minutes ?? null,
      minutesFrom: m?.from ?? 'none',
      supported: settled.get(code) ?? null,
      range: ranges.get(code) ?? null,
      billed: billed.get(code) ?? 0,
      lineIds: lineIds.get(code) ?? [],
    };
  });
  return {
    method,
    payer,
    timedMinutes,
    timedMinutesFrom: stated !== undefined ? 'stated' : allKnown ? 'per-code-sum' : 'none',
    supportedTotal,
    billedTotal: lines.reduce((sum, line) => sum + line.billed, 0),
    caveat,
    lines,
  };
}

/** The table's `units` object as the CLI prints it (the JSON shape). */
export function unitsJson(units: DayUnits) {
  return {
    method: units.method,
    payer: units.payer,
    timed_minutes: units.timedMinutes,
    lines: units.lines.map((line) => ({
      code: line.code,
      minutes: line.minutes,
      supported: line.supported,
      billed: line.billed,
      ...(line.range && line.range.min !== line.range.max
        ? { range: [line.range.min, line.range.max] as [number, number] }
        : {}),
      ...(line.minutesFrom === 'total' ? { minutes_from: 'total' as const } : {}),
    })),
  };
}
