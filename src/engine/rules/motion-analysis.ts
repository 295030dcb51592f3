import { MOTION_ANALYSIS } from './citations';
import { firstFew, isToday, mentionEvidence } from './facts';
import type { Rule } from './types';

const MOTION_ANALYSIS_CODES = new Set(['96000', '96001', '96002', '96003', '96004']);

export const motionAnalysis: Rule = {
  id: 'motion-analysis',
  title: 'Lab motion analysis described',
  description:
    'The note describes a laboratory motion-analysis study (3-D kinematics, force plates, dynamic EMG); such studies have their own codes.',
  defaultSeverity: 'info',
  medicareOnly: false,
  run(ctx) {
    if (ctx.charges.some((line) => MOTION_ANALYSIS_CODES.has(line.code))) return [];
    const studies = ctx.analysis.mentions.motionAnalysis.filter(isToday);
    if (studies.length === 0) return [];
    return [
      {
        rule: 'motion-analysis',
        severity: 'info',
        message: 'Lab motion-analysis study described; 96000-96004 may apply',
        explanation:
          'A study in a motion-analysis laboratory (video with 3-D kinematics, plantar pressure, dynamic EMG) is billed with 96000-96004, not as gait training. Observational gait assessment does not qualify. Note that 96000-96004 bundle 97116 on the same day unless the services were distinct.',
        evidence: firstFew(studies).map((m) => mentionEvidence(ctx.analysis, m)),
        fix: 'Consider 96000-96004 for the study (96004 for the physician’s report)',
        source: MOTION_ANALYSIS,
      },
    ];
  },
};
