import { MUE_EDITS } from './citations';
import { GAIT_CODE, chargeEvidence, plural } from './facts';
import { defineRule } from './types';

/**
 * MUEs are CMS edits, so they are errors for Medicare. Many commercial payers adopt the same values, so
 * for them the rule still runs but as a warning (our judgment; documented in RULES).
 */
export const unitsOverMue = defineRule({
  id: 'units-over-mue',
  title: 'Units over the daily MUE',
  description:
    '97116 units for the date exceed the Medically Unlikely Edit of the dated table in force (an error for Medicare, a warning for other payers, many of which adopt CMS MUEs).',
  severity: 'error',
  citation: MUE_EDITS,
  medicareOnly: false,
  evaluate(ctx) {
    const table = ctx.mue;
    const limit = table?.values[GAIT_CODE];
    if (!table || !limit || ctx.gaitUnits <= limit.units) return [];
    return [
      {
        severity: ctx.medicare ? 'error' : 'warning',
        message: `97116: ${plural(ctx.gaitUnits, 'unit')} for the date; the MUE is ${limit.units}`,
        explanation: `The MUE table effective ${table.effective} allows ${plural(limit.units, 'unit')} of 97116 per patient per date of service${limit.mai === 3 ? ' (a date-of-service edit: every 97116 line of the day counts, with or without CQ)' : ''}. Units above it are denied${ctx.medicare ? '' : ' by payers that use CMS MUEs'}.`,
        evidence: ctx.gaitLines.map(chargeEvidence),
        fix: `Bill at most ${plural(limit.units, 'unit')} of 97116 for the date`,
        source: { title: table.source, section: '97116', effective: table.effective },
      },
    ];
  },
});
