import { nearGait } from '../note/analyze';
import { GROUP_THERAPY } from './citations';
import { chargeEvidence, firstFew, isToday, mentionEvidence } from './facts';
import { defineRule } from './types';

export const groupSession = defineRule({
  id: 'group-session',
  title: 'Gait work done in a group',
  description: 'The gait work was done with two or more patients at once; group therapy is billed as 97150.',
  severity: 'warning',
  citation: GROUP_THERAPY,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0) return [];
    const groups = ctx.analysis.mentions.group.filter((m) => isToday(m) && nearGait(ctx.analysis, m));
    if (groups.length === 0) return [];
    return [
      {
        message: 'Gait work documented as a group session; 97116 needs one-on-one time',
        explanation:
          'Gait training is a one-on-one code. Work with two or more patients at the same time is group therapy, billed once per session as 97150 (untimed).',
        evidence: [
          ...firstFew(groups).map((m) => mentionEvidence(ctx.analysis, m)),
          ...ctx.gaitLines.map(chargeEvidence),
        ],
        fix: 'Consider 97150 instead of 97116 for the group time',
      },
    ];
  },
});
