/**
 * The whole day's answer for one encounter: the units table, the recommended claim and the on-screen name
 * of each charge line. Built from the same context as the findings so both read the same minutes.
 */
import type { DayUnits } from './day-units';
import { dayUnits } from './day-units';
import type { RecommendedClaim } from './claim';
import { recommendClaim } from './claim';
import { buildContext } from './index';
import { chargeLineLabels } from './line-labels';
import type { Encounter, Finding } from './model';
import type { EditTables } from './tables';
import { DEFAULT_TABLES } from './tables';

export { DayReviewSchema } from './day-review-schema';

export interface DayReview {
  units: DayUnits;
  claim: RecommendedClaim;
  /** Charge line id → "line 2 of Fee sheet". */
  lineLabels: Record<string, string>;
}

export function reviewDay(
  encounter: Encounter,
  findings: readonly Finding[],
  tables: EditTables = DEFAULT_TABLES,
): DayReview {
  const ctx = buildContext(encounter, tables);
  const units = dayUnits({
    method: ctx.method,
    payer: encounter.payer.name,
    charges: ctx.charges,
    minutes: ctx.minutes,
  });
  const claim = recommendClaim({ encounter, findings, units, mue: ctx.mue });
  return { units, claim, lineLabels: Object.fromEntries(chargeLineLabels(encounter.charges)) };
}
