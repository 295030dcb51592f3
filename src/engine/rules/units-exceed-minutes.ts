import { CMS_TIMED_UNITS, PER_CODE_UNITS } from './citations';
import type { ChargeLine } from '../model';
import { allocateCms, isTimedCode } from '../units';
import { chargeEvidence, plural } from './facts';
import type { RuleContext } from './types';
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
        fix: dayFix(ctx, day.allowedUnits),
        source,
      });
    }
    return findings;
  },
});

function lineName(line: ChargeLine): string {
  return `${line.code} × ${line.units}`;
}

/**
 * A day-level fix names the lines: when every timed code's minutes are written, the CMS allocation says
 * which codes carry too many units; otherwise the coder is shown the lines the total is shared among.
 */
function dayFix(ctx: RuleContext, allowed: number): string {
  const timed = ctx.charges.filter((c) => c.units > 0 && isTimedCode(c.code));
  const codes = [...new Set(timed.map((c) => c.code))];
  const known = codes.every((code) => {
    const m = ctx.minutes.byCode.get(code);
    return m !== undefined && !m.partial;
  });
  if (known) {
    const allocation = allocateCms(
      new Map(codes.map((code) => [code, ctx.minutes.byCode.get(code)?.minutes ?? 0])),
    );
    const changes: string[] = [];
    for (const code of codes) {
      const billed = timed.filter((c) => c.code === code).reduce((sum, c) => sum + c.units, 0);
      const most = allocation.get(code)?.max ?? 0;
      if (billed > most)
        changes.push(most === 0 ? `remove the ${code} line` : `bill ${code} × ${most} instead of ${billed}`);
    }
    if (changes.length > 0) {
      const text = changes.join('; ');
      return `${text[0]?.toUpperCase()}${text.slice(1)}: the day's minutes support ${plural(allowed, 'timed unit')}`;
    }
  }
  return `Reduce the timed units to ${allowed} in total across ${timed.map(lineName).join(', ')}`;
}
