import { MOTION_ANALYSIS } from './citations';
import { firstFew, isToday, mentionEvidence } from './facts';
import { defineRule } from './types';

const MOTION_ANALYSIS_CODES = new Set(['96000', '96001', '96002', '96003', '96004']);

export const motionAnalysis = defineRule({
  id: 'motion-analysis',
  title: 'Lab motion analysis described',
  description:
    'The note describes a laboratory motion-analysis study (3-D kinematics, force plates, dynamic EMG); such studies have their own codes.',
  severity: 'info',
  citation: MOTION_ANALYSIS,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.charges.some((line) => MOTION_ANALYSIS_CODES.has(line.code))) return [];
    const studies = ctx.analysis.mentions.motionAnalysis.filter(isToday);
    if (studies.length === 0) return [];
    return [
      {
        message: 'Lab motion-analysis study described; 96000-96004 may apply',
        explanation:
          'A study in a motion-analysis laboratory (video with 3-D kinematics, plantar pressure, dynamic EMG) is billed with 96000-96004, not as gait training. Observational gait assessment does not qualify. Note that 96000-96004 bundle 97116 on the same day unless the services were distinct.',
        evidence: firstFew(studies).map((m) => mentionEvidence(ctx.analysis, m)),
        fix: 'Consider 96000-96004 for the study (96004 for the physician’s report)',
      },
    ];
  },
});
