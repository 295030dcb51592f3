import type { Evidence } from '../model';
import type { Mention } from '../note/analyze';
import { noteById } from '../note/analyze';
import { PATTERNS } from '../note/patterns';
import { PTA_MODIFIER } from './citations';
import { chargeEvidence, firstFew, mentionEvidence } from './facts';
import type { RuleContext } from './types';
import { defineRule } from './types';

const REACH = 120;

/**
 * Notes often end with the provider line after the plan ("P: Continue POC.\nTreatment provided by
 * J. Okafor, PTA, under supervision of L. Chen, PT."). The layout puts that line in the plan section, but
 * it says who furnished today's care, not what will happen: a coder reads it as PTA-furnished. A PTA
 * mention in the plan section therefore counts when its line attributes the care in the past tense
 * or its line is a PTA's signature, and nothing on the line points to a future visit.
 */
function attributesTodaysCare(ctx: RuleContext, mention: Mention): boolean {
  const analyzed = noteById(ctx.analysis, mention.noteId);
  if (!analyzed) return false;
  const { text } = analyzed.note;
  // The line, not the sentence: initials ("J. Okafor") end a sentence for the layout.
  const from = Math.max(0, mention.start - REACH);
  const cut = text.slice(from, mention.start).lastIndexOf('\n');
  const lineStart = cut >= 0 ? from + cut + 1 : from;
  const after = text.slice(mention.end, mention.end + REACH);
  const lineEnd = mention.end + (after.includes('\n') ? after.indexOf('\n') : after.length);
  if (PATTERNS.ptaFutureCue.test(text.slice(lineStart, lineEnd))) return false;
  if (PATTERNS.ptaFurnishedCue.test(text.slice(lineStart, mention.start))) return true;
  // A signature is a short line of its own; a longer one is prose.
  if (cut < 0 && from > 0) return false;
  return PATTERNS.ptaSignatureLine.test(text.slice(lineStart, mention.end + 1));
}

export const cqModifierMissing = defineRule({
  id: 'cq-modifier-missing',
  title: 'CQ modifier missing (PTA involved)',
  description:
    'A physical therapist assistant furnished the gait training in whole or in part and the 97116 line has no CQ.',
  severity: 'warning',
  citation: PTA_MODIFIER,
  medicareOnly: true,
  evaluate(ctx) {
    const missing = ctx.gaitLines.filter((line) => !line.modifiers.includes('CQ'));
    if (missing.length === 0) return [];
    const pageSaysPta = ctx.encounter.furnishedBy?.includes('PTA') ?? false;
    const noteMentions = ctx.analysis.mentions.ptaProvider.filter(
      (m) => !m.ctx.negated && !m.ctx.plan && (m.ctx.section !== 'plan' || attributesTodaysCare(ctx, m)),
    );
    if (!pageSaysPta && noteMentions.length === 0) return [];
    const evidence: Evidence[] = [
      ...missing.map(chargeEvidence),
      ...firstFew(noteMentions, 2).map((m) => mentionEvidence(ctx.analysis, m)),
    ];
    return [
      {
        message: 'PTA involved in gait training; 97116 line without CQ',
        explanation: `${pageSaysPta ? 'The page lists a PTA among those who furnished the care' : 'The note names a PTA on this visit'}. When a PTA furnishes more than 10% of a service's minutes (judged per 15-minute unit; time shared with the PT counts as the PT's), the line needs CQ and is paid at 85%.`,
        evidence,
        fix: 'Add CQ (with GP) unless the PTA furnished 10% or less of the gait-training minutes',
      },
    ];
  },
});
