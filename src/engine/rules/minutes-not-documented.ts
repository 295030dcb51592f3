import { BPM_DOCUMENTATION } from './citations';
import { chargeEvidence, factEvidence } from './facts';
import { GAIT_CODE } from './facts';
import { defineRule } from './types';

export const minutesNotDocumented = defineRule({
  id: 'minutes-not-documented',
  title: 'No minutes documented for gait training',
  description: '97116 is billed but the note gives no timed minutes for it, nor a total that settles them.',
  severity: 'warning',
  citation: BPM_DOCUMENTATION,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0 || ctx.analysis.notes.length === 0) return [];
    if (ctx.minutes.byCode.has(GAIT_CODE)) return [];
    const totals = [ctx.minutes.totalTimed, ctx.minutes.treatmentTime].filter((f) => f !== undefined);
    const totalNote =
      totals.length > 0
        ? ' A total is written, but it does not settle how many of those minutes were gait training.'
        : ' Neither per-code minutes nor a total of timed minutes were found.';
    return [
      {
        message: '97116 billed but no gait-training minutes in the note',
        explanation: `Timed codes are billed from the minutes in the treatment note, which must record the timed-code minutes and the total treatment time.${totalNote}`,
        evidence: [...ctx.gaitLines.map(chargeEvidence), ...totals.map(factEvidence)],
        fix: 'Document the minutes of gait training and the total timed minutes before billing',
      },
    ];
  },
});
