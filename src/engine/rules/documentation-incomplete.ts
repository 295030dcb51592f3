import type { Mention } from '../note/analyze';
import { BPM_DOCUMENTATION_CONTENT } from './citations';
import { chargeEvidence, inGaitSentence, isDocumented } from './facts';
import { defineRule } from './types';

function documented(list: readonly Mention[]): boolean {
  return list.some(isDocumented);
}

export const documentationIncomplete = defineRule({
  id: 'documentation-incomplete',
  title: 'Gait note missing key elements',
  description:
    'The gait note lacks one of: assistive device, level of assistance, distance, deviations or cues addressed.',
  severity: 'info',
  citation: BPM_DOCUMENTATION_CONTENT,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0 || ctx.analysis.notes.length === 0) return [];
    const { mentions } = ctx.analysis;
    const elements: [string, boolean][] = [
      ['assistive device (or none)', documented(mentions.device)],
      ['level of assistance', documented(mentions.assistance)],
      ['distance', mentions.distance.some((m) => isDocumented(m) && inGaitSentence(ctx.analysis, m))],
      ['gait deviations or cues', documented(mentions.deviation) || documented(mentions.cue)],
    ];
    const missing = elements.filter(([, present]) => !present).map(([name]) => name);
    if (missing.length === 0) return [];
    return [
      {
        message: `Gait note lacks: ${missing.join(', ')}`,
        explanation:
          'A defensible gait-training note shows the device, the assistance needed, the distance and surfaces, and the deviations addressed or the cues given; auditors look for these to see the skilled part.',
        evidence: ctx.gaitLines.map(chargeEvidence),
        fix: `Add ${missing.join(', ')} to the note`,
      },
    ];
  },
});
