import type { Mention } from '../note/analyze';
import { noteById } from '../note/analyze';
import { codeName, lastInterventionIn } from '../note/lexicon';
import { GAIT_INCLUDES_STAIRS } from './citations';
import { GAIT_CODE, chargeEvidence, isToday, mentionEvidence } from './facts';
import type { RuleContext, RuleFinding } from './types';
import { defineRule } from './types';

const LINE_REACH = 160;

/** The code whose line the stair mention sits in: the intervention named before it on the same line. */
function ownerOfLine(ctx: RuleContext, mention: Mention): string | undefined {
  const analyzed = noteById(ctx.analysis, mention.noteId);
  if (!analyzed) return undefined;
  const before = analyzed.note.text.slice(Math.max(0, mention.start - LINE_REACH), mention.start);
  const lineStart = before.lastIndexOf('\n');
  return lastInterventionIn(lineStart < 0 ? before : before.slice(lineStart + 1))?.code;
}

export const stairsBilledSeparately = defineRule({
  id: 'stairs-billed-separately',
  title: 'Stair training billed under another code',
  description:
    'Stair training is documented under another billed code; gait training (97116) includes stair climbing.',
  severity: 'info',
  citation: GAIT_INCLUDES_STAIRS,
  medicareOnly: false,
  evaluate(ctx) {
    const billed = new Set(ctx.charges.filter((line) => line.units > 0).map((line) => line.code));
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const mention of ctx.analysis.mentions.stairs) {
      if (!isToday(mention) || mention.match.toLowerCase().startsWith('step')) continue;
      const owner = ownerOfLine(ctx, mention);
      if (!owner || owner === GAIT_CODE || !billed.has(owner) || reported.has(owner)) continue;
      reported.add(owner);
      const lines = ctx.charges.filter((line) => line.code === owner);
      findings.push({
        message: `Stair training documented under ${codeName(owner)}`,
        explanation:
          'Gait training includes stair climbing, so stair training belongs to 97116 rather than being billed again under another code for the same minutes.',
        evidence: [mentionEvidence(ctx.analysis, mention), ...lines.map(chargeEvidence)],
        fix: `Count the stair-training minutes under 97116, not ${owner}`,
      });
    }
    return findings;
  },
});
