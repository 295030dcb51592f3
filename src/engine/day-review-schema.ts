/**
 * The day review's shape where it crosses from the worker to the extension's pages and the content script.
 * Kept apart from day-review.ts so the content script parses reports without bundling the engine.
 */
import * as z from 'zod/mini';
import { RuleIdSchema, UnitMethodSchema } from './model';

const Count = z.number().check(z.int(), z.minimum(0));
const Text = z.string().check(z.maxLength(1000));
const Id = z.string().check(z.maxLength(200));
const Range = z.nullable(z.object({ min: Count, max: Count }));
const LineState = z.object({ units: Count, modifiers: z.array(z.string().check(z.maxLength(2))) });

/** The review as it crosses from the worker to the extension's pages and the content script. */
export const DayReviewSchema = z.object({
  units: z.object({
    method: UnitMethodSchema,
    payer: z.string().check(z.maxLength(200)),
    timedMinutes: z.nullable(z.number()),
    timedMinutesFrom: z.enum(['stated', 'per-code-sum', 'none']),
    supportedTotal: z.nullable(Count),
    billedTotal: Count,
    caveat: z.optional(Text),
    lines: z.array(
      z.object({
        code: z.string().check(z.maxLength(5)),
        minutes: z.nullable(z.number()),
        minutesFrom: z.enum(['note', 'charge', 'total', 'none']),
        supported: z.nullable(Count),
        range: Range,
        billed: Count,
        lineIds: z.array(Id),
      }),
    ),
  }),
  claim: z.object({
    lines: z.array(
      z.object({
        lineId: z.optional(Id),
        code: z.string().check(z.maxLength(5)),
        before: z.optional(LineState),
        after: z.optional(LineState),
        changes: z.array(Text),
        query: z.boolean(),
      }),
    ),
    changes: z.array(
      z.object({ lineId: z.optional(Id), code: z.string(), text: Text, rules: z.array(RuleIdSchema) }),
    ),
    resolved: z.array(Text),
    therapist: z.array(z.object({ rule: RuleIdSchema, message: Text, lineIds: z.array(Id) })),
    settled: z.boolean(),
    unsettled: z.optional(Text),
  }),
  lineLabels: z.record(Id, z.string().check(z.maxLength(600))),
});
