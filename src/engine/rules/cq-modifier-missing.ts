import { ptFurnished, ptaAttributions } from '../minutes/providers';
import type { Evidence } from '../model';
import type { Mention } from '../note/analyze';
import { noteById } from '../note/analyze';
import { PATTERNS } from '../note/patterns';
import { PTA_MODIFIER } from './citations';
import { GAIT_CODE, chargeEvidence, firstFew, mentionEvidence } from './facts';
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
  claimModifier: {
    modifier: 'CQ',
    note: "add CQ (a PTA furnished part of it), unless the PTA's share was 10% or less",
  },
  evaluate(ctx) {
    const missing = ctx.gaitLines.filter((line) => !line.modifiers.includes('CQ'));
    if (missing.length === 0) return [];
    const pageSaysPta = ctx.encounter.furnishedBy?.includes('PTA') ?? false;
    const noteMentions = ctx.analysis.mentions.ptaProvider.filter(
      (m) => !m.ctx.negated && !m.ctx.plan && (m.ctx.section !== 'plan' || attributesTodaysCare(ctx, m)),
    );
    if (!pageSaysPta && noteMentions.length === 0) return [];
    // Per code and per line: which of the PTA mentions put PTA-alone time on gait training.
    const onGait: Mention[] = [];
    let attributedElsewhere = false;
    let ptGait = false;
    for (const analyzed of ctx.analysis.notes) {
      const { id, text } = analyzed.note;
      const mentions = noteMentions.filter((m) => m.noteId === id);
      for (const a of ptaAttributions(id, text, mentions, ctx.analysis.minutes)) {
        if (a.by === 'both') continue;
        if (a.code !== undefined && a.code !== GAIT_CODE) {
          attributedElsewhere = true;
          continue;
        }
        const mention = mentions.find((m) => m.start >= a.lineStart && m.start < a.lineEnd);
        if (mention) onGait.push(mention);
      }
      if (ptFurnished(text, id, GAIT_CODE, ctx.analysis.minutes)) ptGait = true;
    }
    const pageOnly = pageSaysPta && noteMentions.length === 0;
    if (onGait.length === 0 && !pageOnly) return [];
    if (pageOnly && attributedElsewhere) return [];
    // The PTA's share already sits on a CQ line and the PT furnished the rest: the lines without CQ are the PT's.
    const cqLine = ctx.gaitLines.some((line) => line.modifiers.includes('CQ'));
    if (cqLine && ptGait) return [];
    const evidence: Evidence[] = [
      ...missing.map(chargeEvidence),
      ...firstFew(onGait, 2).map((m) => mentionEvidence(ctx.analysis, m)),
    ];
    return [
      {
        message: 'PTA furnished gait training; 97116 line without CQ',
        explanation: `${onGait.length > 0 ? 'The note names a PTA on the gait-training time' : 'The page lists a PTA among those who furnished the care'}. When a PTA furnishes more than 10% of a service's minutes (judged per 15-minute unit; time shared with the PT counts as the PT's), the line needs CQ and is paid at 85%.`,
        evidence,
        fix: 'Add CQ (with GP) to the 97116 line unless the PTA furnished 10% or less of the gait-training minutes',
      },
    ];
  },
});
