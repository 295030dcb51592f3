import { CMS_TIMED_UNITS, PER_CODE_UNITS } from './citations';
import { chargeEvidence, plural } from './facts';
import { defineRule } from './types';
import { assessGaitUnits } from './unit-assessment';

export const unitsBelowMinutes = defineRule({
  id: 'units-below-minutes',
  title: 'Fewer units billed than the minutes support',
  description: 'The documented gait-training minutes support more 97116 units than are billed.',
  severity: 'info',
  citation: CMS_TIMED_UNITS,
  medicareOnly: false,
  evaluate(ctx) {
    const assessment = assessGaitUnits(ctx);
    const range = assessment.range;
    if (!assessment.gaitMinutes || !range || range.min <= ctx.gaitUnits) return [];
    // Without any charge line on the page we cannot tell an unbilled service from an unread fee sheet.
    if (ctx.charges.length === 0) return [];
    const source = ctx.method === 'cms' ? CMS_TIMED_UNITS : PER_CODE_UNITS;
    const notBilled = ctx.gaitUnits === 0;
    return [
      {
        message: notBilled
          ? `Gait training documented (${assessment.gaitMinutes.minutes} min) but 97116 not billed`
          : `97116 billed for ${plural(ctx.gaitUnits, 'unit')}; the minutes support ${range.min}`,
        explanation: `Here ${assessment.how}, which supports ${range.min === range.max ? '' : 'at least '}${plural(range.min, 'unit')}. Billing less is allowed but may leave documented care unpaid.`,
        evidence: [...ctx.gaitLines.map(chargeEvidence), ...assessment.evidence],
        fix: `Bill ${plural(range.min, 'unit')} of 97116 if the minutes are right`,
        source,
      },
    ];
  },
});
