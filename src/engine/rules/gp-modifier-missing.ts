import { THERAPY_MODIFIERS } from './citations';
import { chargeEvidence } from './facts';
import { defineRule } from './types';

export const gpModifierMissing = defineRule({
  id: 'gp-modifier-missing',
  title: 'GP modifier missing',
  description: 'A Medicare 97116 line has no GP modifier (physical therapy under a PT plan of care).',
  severity: 'warning',
  citation: THERAPY_MODIFIERS,
  medicareOnly: true,
  claimModifier: { modifier: 'GP', first: true, note: 'add GP (physical therapy under a PT plan of care)' },
  evaluate(ctx) {
    const missing = ctx.gaitLines.filter((line) => !line.modifiers.includes('GP'));
    if (missing.length === 0) return [];
    return [
      {
        message: '97116 line without GP',
        explanation:
          'Medicare requires a therapy modifier on every line of outpatient therapy: GP for physical therapy (GO for occupational therapy, GN for speech).',
        evidence: missing.map(chargeEvidence),
        fix: 'Add GP to the 97116 line',
      },
    ];
  },
});
