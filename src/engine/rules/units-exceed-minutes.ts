import { CMS_TIMED_UNITS, PER_CODE_UNITS } from './citations';
import { chargeEvidence, plural } from './facts';
import type { RuleFinding } from './types';
import { defineRule } from './types';
import { assessGaitUnits } from './unit-assessment';

export const unitsExceedMinutes = defineRule({
  id: 'units-exceed-minutes',
  title: 'More units billed than the minutes support',
  description:
    'Billed 97116 units, or the day’s timed units with 97116 among them, are more than the documented minutes allow under the payer’s method.',
  severity: 'error',
  citation: CMS_TIMED_UNITS,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0) return [];
    const assessment = assessGaitUnits(ctx);
    const source = ctx.method === 'cms' ? CMS_TIMED_UNITS : PER_CODE_UNITS;
    const lineEvidence = ctx.gaitLines.map(chargeEvidence);
    const findings: RuleFinding[] = [];
    const range = assessment.range;
    if (range && ctx.gaitUnits > range.max) {
      findings.push({
        message: `97116 billed for ${plural(ctx.gaitUnits, 'unit')}; the minutes support ${range.max}`,
        explanation: `Gait training is billed per 15 minutes. Here ${assessment.how}, which supports at most ${plural(range.max, 'unit')}.`,
        evidence: [...lineEvidence, ...assessment.evidence],
        fix:
          range.max === 0
            ? 'Remove 97116 or document the minutes'
            : `Bill ${plural(range.max, 'unit')} of 97116`,
        source,
      });
      return findings;
    }
    const day = assessment.dayTotal;
    if (ctx.method === 'cms' && day && day.billedTimedUnits > day.allowedUnits) {
      const basis =
        day.basis === 'treatment-time'
          ? `the total treatment time of ${day.minutes} minutes (an upper bound on timed minutes)`
          : `${day.minutes} timed minutes in the day`;
      findings.push({
        message: `${plural(day.billedTimedUnits, 'timed unit')} billed; the day's minutes support ${day.allowedUnits}`,
        explanation: `Under the CMS method all timed codes of the day share one total: ${basis} give ${plural(day.allowedUnits, 'unit')} in all, and 97116 is among the ${plural(day.billedTimedUnits, 'unit')} billed.`,
        evidence: [...day.timedLines.map(chargeEvidence), ...assessment.evidence],
        fix: `Reduce the timed units to ${day.allowedUnits} in total`,
        source,
      });
    }
    return findings;
  },
});
