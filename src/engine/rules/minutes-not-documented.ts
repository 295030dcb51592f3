import type { Evidence } from '../model';
import { unitsForMinutes } from '../units';
import { BPM_DOCUMENTATION } from './citations';
import { GAIT_CODE, chargeEvidence, factEvidence, plural, timedCodesOfDay } from './facts';
import type { RuleContext } from './types';
import { defineRule } from './types';

/**
 * Per-code minutes are not required (BPM ch.15 §220.3 E: the note records the total timed-code minutes and
 * the total treatment time). So the gait minutes count as documented when they are written, settled from a
 * total, or their written items already support the billed units; a day total settles the units under the
 * CMS method, and under the per-code method only when gait training is the day's one timed code.
 */
function settlingTotal(ctx: RuleContext) {
  const total = ctx.minutes.totalTimed;
  if (!total) return undefined;
  if (ctx.method === 'cms') return total;
  const others = timedCodesOfDay(ctx.minutes, ctx.charges).filter((code) => code !== GAIT_CODE);
  return others.length === 0 ? total : undefined;
}

export const minutesNotDocumented = defineRule({
  id: 'minutes-not-documented',
  title: 'No minutes documented for gait training',
  description:
    '97116 is billed but the note gives neither its minutes nor a total of timed minutes that settles the billed units.',
  severity: 'warning',
  citation: BPM_DOCUMENTATION,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0 || ctx.analysis.notes.length === 0) return [];
    const gait = ctx.minutes.byCode.get(GAIT_CODE);
    if (gait && (!gait.partial || unitsForMinutes(gait.minutes) >= ctx.gaitUnits)) return [];
    const unreadable: Evidence[] = ctx.minutes.unreadable.map(factEvidence);
    const unreadableNote =
      unreadable.length > 0 ? ' A figure that reads as 0 or 1 minute was set aside as unreadable.' : '';
    const total = settlingTotal(ctx);
    if (total) {
      return [
        {
          severity: 'info',
          message: `Gait-training minutes not written per code; the total of ${plural(total.minutes, 'timed minute')} settles the day's units`,
          explanation: `Per-code minutes may be recorded but are not required: the total timed-code minutes (${total.minutes}) settle how many timed units the day supports.${unreadableNote} Writing the gait-training minutes too lets a reviewer check each line.`,
          evidence: [...ctx.gaitLines.map(chargeEvidence), factEvidence(total), ...unreadable],
          fix: 'Optionally ask the therapist to add the gait-training minutes',
        },
      ];
    }
    const totals = [ctx.minutes.totalTimed, ctx.minutes.treatmentTime, ctx.minutes.visit].filter(
      (f) => f !== undefined,
    );
    const totalNote =
      totals.length > 0
        ? ' A total is written, but it does not settle the units billed (a treatment time includes untimed minutes; under the per-code method each code needs its own minutes).'
        : ' Neither per-code minutes nor a total of timed minutes were found.';
    return [
      {
        message: '97116 billed but no gait-training minutes in the note',
        explanation: `Timed codes are billed from the minutes in the treatment note, which must record the timed-code minutes and the total treatment time.${totalNote}${unreadableNote}`,
        evidence: [
          ...ctx.gaitLines.map(chargeEvidence),
          ...(gait ? gait.entries.map(factEvidence) : []),
          ...totals.map(factEvidence),
          ...unreadable,
        ],
        fix: 'Ask the therapist to document the gait-training minutes or the total timed minutes before billing',
      },
    ];
  },
});
