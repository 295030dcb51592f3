import type { Mention } from '../note/analyze';
import { chargeEvidence, mentionEvidence } from './facts';
import type { RuleFinding } from './types';
import { defineRule } from './types';

const KX_THRESHOLD = {
  title: 'Medicare Claims Processing Manual, Pub 100-04',
  section: 'ch.5 §10.3 (the therapy threshold and the KX modifier)',
};

/** The dollars a year-to-date statement gives ("PT/SLP YTD: $2,615.40" → 2615.4). */
function dollarsIn(mention: Mention): number {
  const figure = mention.match.slice(mention.match.lastIndexOf('$') + 1).replace(/[\s,]/g, '');
  return Number.parseFloat(figure);
}

const money = (dollars: number) =>
  `$${dollars.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

/**
 * The KX threshold is judged on the year's amount for physical and speech therapy together, which the
 * engine only knows when the page or the note states it; without such a statement the rule says nothing.
 */
export const kxModifierMissing = defineRule({
  id: 'kx-modifier-missing',
  title: 'KX modifier missing past the therapy threshold',
  description:
    'The year-to-date Medicare therapy amount shown is past the year’s KX threshold, and a 97116 line has no KX modifier.',
  severity: 'warning',
  citation: KX_THRESHOLD,
  medicareOnly: true,
  claimModifier: {
    modifier: 'KX',
    note: 'add KX (past the year’s therapy threshold), if the note supports medical necessity',
  },
  evaluate(ctx) {
    const statements = ctx.analysis.mentions.therapyAmountToDate.filter((m) => !m.ctx.negated);
    if (statements.length === 0 || ctx.gaitLines.length === 0) return [];
    // The amount only grows through the year: the largest figure shown is the latest.
    const latest = statements.reduce((a, b) => (dollarsIn(b) > dollarsIn(a) ? b : a));
    const amount = dollarsIn(latest);
    const threshold = ctx.kx;
    if (!threshold) {
      const year = ctx.encounter.dateOfService?.slice(0, 4) ?? 'this date of service';
      return [
        {
          severity: 'info',
          message: `No KX threshold known for ${year}`,
          explanation: `The page shows ${money(amount)} of therapy for the year, but the edit tables hold no KX threshold in force for ${year}, so whether the 97116 line needs KX was not judged.`,
          evidence: [mentionEvidence(ctx.analysis, latest)],
          fix: 'Import edit tables with the year’s KX threshold (options page)',
        },
      ];
    }
    if (amount <= threshold.amount) return [];
    const missing = ctx.gaitLines.filter((line) => !line.modifiers.includes('KX'));
    if (missing.length === 0) return [];
    const review =
      threshold.reviewAmount !== undefined && amount > threshold.reviewAmount
        ? ` Past ${money(threshold.reviewAmount)}, claims may also be chosen for targeted medical review.`
        : '';
    const finding: RuleFinding = {
      message: '97116 line without KX past the therapy threshold',
      explanation: `The page shows ${money(amount)} of physical and speech therapy for the year, past the KX threshold of ${money(threshold.amount)} in force from ${threshold.effective}. Past it, Medicare pays therapy only with KX, by which the provider attests that the services are medically necessary and documented as such.${review}`,
      evidence: [mentionEvidence(ctx.analysis, latest), ...missing.map(chargeEvidence)],
      fix: 'Add KX to the 97116 line if the note supports medical necessity',
      source: { title: KX_THRESHOLD.title, section: `${KX_THRESHOLD.section}; ${threshold.source}` },
    };
    return [finding];
  },
});
