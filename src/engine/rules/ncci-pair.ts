import { NCCI_EDITS } from './citations';
import { codeName } from '../note/lexicon';
import { DISTINCT_SERVICE_MODIFIERS, GAIT_CODE, chargeEvidence } from './facts';
import type { RuleFinding } from './types';
import { defineRule } from './types';

export const ncciPair = defineRule({
  id: 'ncci-pair',
  title: 'NCCI pair without a distinct-service modifier',
  description:
    '97116 is billed with a code that the NCCI table in force pairs it with (e.g. 97150, 96000-96004) and no 59/X modifier.',
  severity: 'warning',
  citation: NCCI_EDITS,
  medicareOnly: false,
  evaluate(ctx) {
    const table = ctx.ncci;
    if (!table || ctx.gaitLines.length === 0) return [];
    const unmodified = ctx.gaitLines.filter(
      (line) => !line.modifiers.some((m) => DISTINCT_SERVICE_MODIFIERS.has(m)),
    );
    const findings: RuleFinding[] = [];
    for (const pair of table.pairs) {
      if (pair.column2 !== GAIT_CODE || pair.modifierIndicator === 9) continue;
      const column1 = ctx.charges.filter((line) => line.code === pair.column1 && line.units > 0);
      if (column1.length === 0) continue;
      const bypassable = pair.modifierIndicator === 1;
      const flagged = bypassable ? unmodified : ctx.gaitLines;
      if (flagged.length === 0) continue;
      findings.push({
        message: `97116 billed with ${codeName(pair.column1)}: NCCI pair${bypassable ? ' without 59/X modifier' : ''}`,
        explanation: bypassable
          ? `The NCCI table effective ${table.effective} denies 97116 when billed with ${pair.column1} on the same day, unless the services were truly distinct (separate, non-overlapping time) and 97116 carries 59, XE, XS, XP or XU.`
          : `The NCCI table effective ${table.effective} denies 97116 with ${pair.column1}; no modifier can bypass this pair.`,
        evidence: [...flagged.map(chargeEvidence), ...column1.map(chargeEvidence)],
        fix: bypassable
          ? `If the services were distinct, add 59 (or XU) to 97116; otherwise do not bill 97116 with ${pair.column1}`
          : `Do not bill 97116 with ${pair.column1}`,
        source: {
          title: table.source,
          section: `column 1 ${pair.column1} / column 2 97116`,
          effective: table.effective,
        },
      });
    }
    return findings;
  },
});
