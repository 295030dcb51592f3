/**
 * The day's units table and the recommended claim in the CLI's two outputs: `units` and `claim` next to
 * `findings` in JSON, a small table and the claim's changes in the human output.
 */
import * as z from 'zod/mini';
import type { DayReview } from '../engine/day-review';
import { unitsJson } from '../engine/day-units';
import { RuleIdSchema, UnitMethodSchema } from '../engine/model';

const Count = z.number().check(z.int(), z.minimum(0));
const Minutes = z.nullable(z.number().check(z.minimum(0)));

/** `units`: the day's timed codes, 97116 first; null where the page does not settle a figure. */
export const UnitsOutputSchema = z.object({
  method: UnitMethodSchema,
  payer: z.string(),
  timed_minutes: Minutes,
  lines: z.array(
    z.object({
      code: z.string(),
      minutes: Minutes,
      supported: z.nullable(Count),
      billed: Count,
      /** Lowest and highest correct units, when a CMS tie or unwritten minutes leave a choice. */
      range: z.optional(z.tuple([Count, Count])),
      /** "total": the day's stated total less the other codes' minutes. */
      minutes_from: z.optional(z.literal('total')),
    }),
  ),
});

const LineState = z.nullable(z.object({ units: Count, modifiers: z.array(z.string()) }));

/** `claim`: the recommended lines, before and after, each change in one sentence. */
export const ClaimOutputSchema = z.object({
  settled: z.boolean(),
  unsettled: z.optional(z.string()),
  lines: z.array(
    z.object({
      /** "line 2 of Fee sheet"; absent for a line the claim adds. */
      line: z.optional(z.string()),
      code: z.string(),
      before: LineState,
      after: LineState,
      query_therapist: z.boolean(),
      changes: z.array(z.string()),
    }),
  ),
  resolved: z.array(z.string()),
  therapist: z.array(z.object({ rule: RuleIdSchema, message: z.string() })),
});

export function reviewJson(
  review: DayReview,
  labels = review.lineLabels,
): { units: z.infer<typeof UnitsOutputSchema>; claim: z.infer<typeof ClaimOutputSchema> } {
  const { claim } = review;
  return {
    units: unitsJson(review.units),
    claim: {
      settled: claim.settled,
      ...(claim.unsettled ? { unsettled: claim.unsettled } : {}),
      lines: claim.lines.map((line) => ({
        ...(line.lineId ? { line: labels[line.lineId] ?? line.lineId } : {}),
        code: line.code,
        before: line.before ?? null,
        after: line.after ?? null,
        query_therapist: line.query,
        changes: line.changes,
      })),
      resolved: claim.resolved,
      therapist: claim.therapist.map(({ rule, message }) => ({ rule, message })),
    },
  };
}

const METHOD_NAME = { cms: 'CMS 8-minute rule on the day’s total', 'per-code': 'per-code (each code alone)' };

function cell(value: number | null, suffix = ''): string {
  return value === null ? '?' : `${value}${suffix}`;
}

export function reviewHuman(review: DayReview): string {
  const { units, claim } = review;
  if (units.lines.length === 0 && claim.lines.length === 0) return '';
  const out: string[] = [];
  const total = units.timedMinutes === null ? 'not written' : `${units.timedMinutes} min`;
  out.push(`Day's timed units (${METHOD_NAME[units.method]}; payer ${units.payer}; timed minutes ${total})`);
  if (units.lines.length > 0) {
    out.push('  code    minutes  supported  billed  difference');
    for (const line of units.lines) {
      const range =
        line.supported === null && line.range ? `${line.range.min}-${line.range.max}` : cell(line.supported);
      const diff = line.supported === null ? '?' : String(line.billed - line.supported);
      const minutes = `${cell(line.minutes)}${line.minutesFrom === 'total' ? '*' : ''}`;
      out.push(
        `  ${line.code.padEnd(6)}  ${minutes.padStart(7)}  ${range.padStart(9)}  ${String(line.billed).padStart(6)}  ${(diff.startsWith('-') || diff === '0' || diff === '?' ? diff : `+${diff}`).padStart(10)}`,
      );
    }
    const day = `  day     ${cell(units.timedMinutes).padStart(7)}  ${cell(units.supportedTotal).padStart(9)}  ${String(units.billedTotal).padStart(6)}`;
    out.push(day);
    if (units.lines.some((line) => line.minutesFrom === 'total'))
      out.push("  * the day's stated total less the other codes' minutes");
    if (units.caveat) out.push(`  ${units.caveat}`);
  }
  out.push('', 'Recommended claim');
  if (claim.changes.length === 0 && claim.therapist.length === 0) out.push('  no change');
  for (const change of claim.changes) {
    const where = change.lineId ? review.lineLabels[change.lineId] : undefined;
    out.push(`  - ${change.text}${where ? ` [${where}]` : ''}`);
  }
  for (const text of claim.resolved) out.push(`  resolved: ${text}`);
  if (claim.unsettled) out.push(`  not settled: ${claim.unsettled}`);
  for (const item of claim.therapist) out.push(`  query the therapist: ${item.message}`);
  return `${out.join('\n')}\n`;
}
