import type { Evidence } from '../model';
import { PTA_MODIFIER } from './citations';
import { chargeEvidence, firstFew, mentionEvidence } from './facts';
import type { Rule } from './types';

export const cqModifierMissing: Rule = {
  id: 'cq-modifier-missing',
  title: 'CQ modifier missing (PTA involved)',
  description:
    'A physical therapist assistant furnished the gait training in whole or in part and the 97116 line has no CQ.',
  defaultSeverity: 'warning',
  medicareOnly: true,
  run(ctx) {
    const missing = ctx.gaitLines.filter((line) => !line.modifiers.includes('CQ'));
    if (missing.length === 0) return [];
    const pageSaysPta = ctx.encounter.furnishedBy?.includes('PTA') ?? false;
    const noteMentions = ctx.analysis.mentions.ptaProvider.filter(
      (m) => !m.ctx.negated && !m.ctx.plan && m.ctx.section !== 'plan',
    );
    if (!pageSaysPta && noteMentions.length === 0) return [];
    const evidence: Evidence[] = [
      ...missing.map(chargeEvidence),
      ...firstFew(noteMentions, 2).map((m) => mentionEvidence(ctx.analysis, m)),
    ];
    return [
      {
        rule: 'cq-modifier-missing',
        severity: 'warning',
        message: 'PTA involved in gait training; 97116 line without CQ',
        explanation: `${pageSaysPta ? 'The page lists a PTA among those who furnished the care' : 'The note names a PTA on this visit'}. When a PTA furnishes more than 10% of a service's minutes (judged per 15-minute unit; time shared with the PT counts as the PT's), the line needs CQ and is paid at 85%.`,
        evidence,
        fix: 'Add CQ (with GP) unless the PTA furnished 10% or less of the gait-training minutes',
        source: PTA_MODIFIER,
      },
    ];
  },
};
