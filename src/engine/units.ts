/**
 * Unit math for timed codes, both methods of the domain doc §2.
 * CMS total-time method: Claims Processing Manual, Pub 100-04, ch.5 §20.2.
 * Per-code method: each code stands alone, a unit once 8 of 15 minutes are passed.
 */

/** Units that a number of minutes supports on its own: 0 below 8, else floor((m + 7) / 15). */
export function unitsForMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 8) return 0;
  return Math.floor((Math.floor(minutes) + 7) / 15);
}

/** The day's total timed units under the CMS method (same bands as a single code). */
export function cmsTotalUnits(totalTimedMinutes: number): number {
  return unitsForMinutes(totalTimedMinutes);
}

/** Lowest and highest units a code can correctly receive (ties in the CMS allocation allow either). */
export interface UnitRange {
  min: number;
  max: number;
}

/**
 * CMS allocation of the day's units across timed codes. Every code first gets its full 15-minute units; the
 * remaining units go one by one to the codes with the largest leftover minutes. When leftovers tie at the
 * cut-off, either code may take the unit, so the result is a range per code.
 */
export function allocateCms(minutesByCode: ReadonlyMap<string, number>): Map<string, UnitRange> {
  const codes = [...minutesByCode.entries()].map(([code, raw]) => {
    const minutes = Math.max(0, Math.floor(raw));
    return { code, base: Math.floor(minutes / 15), leftover: minutes % 15, minutes };
  });
  const total = codes.reduce((sum, c) => sum + c.minutes, 0);
  const baseSum = codes.reduce((sum, c) => sum + c.base, 0);
  const remaining = Math.max(0, cmsTotalUnits(total) - baseSum);
  const result = new Map<string, UnitRange>();
  if (remaining === 0) {
    for (const c of codes) result.set(c.code, { min: c.base, max: c.base });
    return result;
  }
  const leftovers = codes
    .map((c) => c.leftover)
    .filter((l) => l > 0)
    .sort((a, b) => b - a);
  const cutoff = leftovers[Math.min(remaining, leftovers.length) - 1] ?? 0;
  const above = leftovers.filter((l) => l > cutoff).length;
  const tied = leftovers.filter((l) => l === cutoff).length;
  const slotsForTied = remaining - above;
  for (const c of codes) {
    if (c.leftover > cutoff) {
      result.set(c.code, { min: c.base + 1, max: c.base + 1 });
    } else if (c.leftover === cutoff && cutoff > 0 && slotsForTied > 0) {
      const certain = slotsForTied >= tied;
      result.set(c.code, { min: certain ? c.base + 1 : c.base, max: c.base + 1 });
    } else {
      result.set(c.code, { min: c.base, max: c.base });
    }
  }
  return result;
}

/** Per-code method: each code's units from its own minutes. */
export function perCodeUnits(minutesByCode: ReadonlyMap<string, number>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [code, minutes] of minutesByCode) result.set(code, unitsForMinutes(minutes));
  return result;
}

/**
 * When the other codes' minutes are unknown, the most a code can get under CMS is one unit per started
 * 15 minutes (its leftover may win the spare unit) and never more than the day's total allows; the least is
 * its full 15-minute units.
 */
export function cmsBoundsWithoutOthers(codeMinutes: number, totalTimedMinutes?: number): UnitRange {
  const minutes = Math.max(0, Math.floor(codeMinutes));
  const ceiling = Math.ceil(minutes / 15);
  const dayCap = totalTimedMinutes === undefined ? ceiling : cmsTotalUnits(totalTimedMinutes);
  return { min: Math.min(Math.floor(minutes / 15), dayCap), max: Math.min(ceiling, dayCap) };
}

/**
 * Timed (per-15-minute) codes that count toward the CMS day total. Untimed codes (evaluations, group 97150,
 * supervised modalities, motion analysis) never do.
 */
export const TIMED_CODES: ReadonlySet<string> = new Set([
  '97032',
  '97033',
  '97034',
  '97035',
  '97036',
  '97110',
  '97112',
  '97113',
  '97116',
  '97124',
  '97129',
  '97130',
  '97140',
  '97530',
  '97533',
  '97535',
  '97537',
  '97542',
  '97750',
  '97755',
  '97760',
  '97761',
  '97763',
]);

export function isTimedCode(code: string): boolean {
  return TIMED_CODES.has(code);
}
