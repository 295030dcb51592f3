/**
 * How many 97116 units the documented minutes support, under the payer's method. Shared by
 * units-exceed-minutes and units-below-minutes so both read the same numbers.
 */
import type { ChargeLine, Evidence } from '../model';
import type { MinuteFigure as MinuteFact } from '../minutes/read';
import type { UnitRange } from '../units';
import { allocateCms, cmsBoundsWithoutOthers, cmsTotalUnits, isTimedCode, unitsForMinutes } from '../units';
import type { CodeMinutes } from './facts';
import { GAIT_CODE, codeMinutesEvidence, factEvidence, timedCodesOfDay } from './facts';
import type { RuleContext } from './types';

export interface DayTotal {
  minutes: number;
  allowedUnits: number;
  billedTimedUnits: number;
  timedLines: ChargeLine[];
  /** Where the total came from: a stated total, a treatment time (upper bound), or the sum per code. */
  basis: 'stated' | 'treatment-time' | 'per-code-sum';
  fact?: MinuteFact;
}

export interface GaitUnitAssessment {
  gaitMinutes?: CodeMinutes;
  range?: UnitRange;
  /** Plain words on how the range was found. */
  how: string;
  dayTotal?: DayTotal;
  evidence: Evidence[];
}

export function assessGaitUnits(ctx: RuleContext): GaitUnitAssessment {
  const { minutes, charges, method } = ctx;
  const gait = minutes.byCode.get(GAIT_CODE);
  const timedLines = charges.filter((c) => c.units > 0 && isTimedCode(c.code));
  const billedTimedUnits = timedLines.reduce((sum, c) => sum + c.units, 0);
  const codes = timedCodesOfDay(minutes, charges);
  const allKnown =
    codes.length > 0 && codes.every((code) => minutes.byCode.has(code) && !minutes.byCode.get(code)?.partial);
  const perCodeSum = codes.reduce((sum, code) => sum + (minutes.byCode.get(code)?.minutes ?? 0), 0);
  const stated = minutes.totalTimed;

  let dayTotal: DayTotal | undefined;
  if (stated) {
    dayTotal = {
      minutes: stated.minutes,
      basis: 'stated',
      fact: stated,
      allowedUnits: 0,
      billedTimedUnits,
      timedLines,
    };
  } else if (allKnown) {
    dayTotal = { minutes: perCodeSum, basis: 'per-code-sum', allowedUnits: 0, billedTimedUnits, timedLines };
  } else if (minutes.treatmentTime) {
    const fact = minutes.treatmentTime;
    dayTotal = {
      minutes: fact.minutes,
      basis: 'treatment-time',
      fact,
      allowedUnits: 0,
      billedTimedUnits,
      timedLines,
    };
  }
  if (dayTotal) dayTotal.allowedUnits = cmsTotalUnits(dayTotal.minutes);

  const evidence: Evidence[] = [];
  if (gait) evidence.push(...codeMinutesEvidence(gait));
  if (dayTotal?.fact && !evidence.some((e) => e.kind === 'note' && e.start === dayTotal?.fact?.start)) {
    evidence.push(factEvidence(dayTotal.fact));
  }

  if (!gait) {
    if (dayTotal && dayTotal.basis !== 'per-code-sum') {
      // Gait minutes cannot exceed the day's total: a ceiling even when the split is not written.
      return {
        range: { min: 0, max: unitsForMinutes(dayTotal.minutes) },
        how: `the gait minutes are not written, but they cannot exceed the ${dayTotal.minutes} minutes of the day's total`,
        dayTotal,
        evidence,
      };
    }
    return { how: 'no minutes documented for gait training', dayTotal, evidence };
  }

  const cap = dayTotal && dayTotal.basis !== 'per-code-sum' ? dayTotal.minutes : undefined;
  if (gait.partial) {
    // Items of the gait entry's activity list: the gait minutes are at least their sum, at most the day's.
    const floor = method === 'per-code' ? unitsForMinutes(gait.minutes) : Math.floor(gait.minutes / 15);
    const max = cap === undefined ? Number.POSITIVE_INFINITY : unitsForMinutes(cap);
    return {
      gaitMinutes: gait,
      range: { min: Math.min(floor, max), max },
      how: `at least ${gait.minutes} minutes of gait training are written (items of its activity list, not its whole time)${cap === undefined ? '' : `, and no more than the ${cap} minutes of the day's total`}`,
      dayTotal,
      evidence,
    };
  }

  if (method === 'per-code') {
    const units = unitsForMinutes(gait.minutes);
    return {
      gaitMinutes: gait,
      range: { min: units, max: units },
      how: `per-code method: ${gait.minutes} minutes of gait training on their own`,
      dayTotal,
      evidence,
    };
  }

  const statedMatchesSum = !stated || stated.minutes === perCodeSum;
  if (allKnown && statedMatchesSum) {
    const allocation = allocateCms(
      new Map(codes.map((code) => [code, minutes.byCode.get(code)?.minutes ?? 0])),
    );
    const range = allocation.get(GAIT_CODE) ?? { min: 0, max: 0 };
    const split = codes.map((code) => `${code}: ${minutes.byCode.get(code)?.minutes ?? 0}`).join(', ');
    return {
      gaitMinutes: gait,
      range,
      how: `CMS method: ${perCodeSum} timed minutes in the day (${split}) allocated across the codes`,
      dayTotal,
      evidence,
    };
  }
  return {
    gaitMinutes: gait,
    range: cmsBoundsWithoutOthers(gait.minutes, cap),
    how:
      `CMS method: ${gait.minutes} minutes of gait training; the other codes' minutes are not all written, ` +
      'so the gait units can range from its full 15-minute units to one per started 15 minutes',
    dayTotal,
    evidence,
  };
}
