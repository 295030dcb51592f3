import type { Mention } from '../note/analyze';
import { noteById } from '../note/analyze';
import { sentenceBounds } from '../note/layout';
import { PATTERNS } from '../note/patterns';
import { BPM_MAINTENANCE } from './citations';
import { chargeEvidence, firstFew, mentionEvidence, textAround } from './facts';
import type { RuleContext } from './types';
import { defineRule } from './types';

/** Where a statement sits: its note's text, its sentence and the start of its line. */
function placeOf(ctx: RuleContext, mention: Mention) {
  const analyzed = noteById(ctx.analysis, mention.noteId);
  if (!analyzed) return undefined;
  const { text } = analyzed.note;
  return {
    text,
    sentence: sentenceBounds(analyzed.layout, mention.start),
    lineStart: text.lastIndexOf('\n', mention.start - 1) + 1,
  };
}

/**
 * The statement is about another discipline's goals (speech, occupational therapy), or it is the patient's
 * own sense of a plateau rather than the therapist's assessment: the sentence, and the start of its line
 * ("SPEECH THERAPY:", "OT Discharge Summary:"), say which.
 */
function notTherapistsGaitView(ctx: RuleContext, mention: Mention): boolean {
  const place = placeOf(ctx, mention);
  if (!place) return false;
  const { text, sentence, lineStart } = place;
  const around = text.slice(Math.min(sentence.start, lineStart), Math.min(sentence.end, mention.end + 80));
  if (PATTERNS.otherDiscipline.test(around)) return true;
  return PATTERNS.patientView.test(text.slice(sentence.start, mention.start));
}

/**
 * The statement's own clause names another domain and no walking ("reached a plateau in balance confidence
 * per ABC scale, but gait speed improved"): that plateau is not walking's. The clause runs from the sentence
 * start (or the line's) to the next comma, semicolon or "but" after the statement.
 */
function aboutAnotherDomain(ctx: RuleContext, mention: Mention): boolean {
  const place = placeOf(ctx, mention);
  if (!place) return false;
  const { text, sentence, lineStart } = place;
  const after = text.slice(mention.end, Math.min(sentence.end, mention.end + 80));
  const stop = after.search(/[,;]|\bbut\b/);
  const clause = text.slice(
    Math.max(sentence.start, lineStart),
    mention.end + (stop === -1 ? after.length : stop),
  );
  return PATTERNS.otherDomain.test(clause) && !PATTERNS.gaitWord.test(clause);
}

function isAnatomy(ctx: RuleContext, mention: Mention): boolean {
  if (!mention.match.toLowerCase().startsWith('plateau')) return false;
  return PATTERNS.plateauAnatomy.test(textAround(ctx.analysis, mention, 40, 40));
}

export const noImprovementExpected = defineRule({
  id: 'no-improvement-expected',
  title: 'Walking not expected to improve',
  description:
    'The note says gait is not expected to improve, has plateaued, or has poor potential; skilled maintenance must then be justified.',
  severity: 'warning',
  citation: BPM_MAINTENANCE,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0) return [];
    const { mentions } = ctx.analysis;
    const statements = mentions.noImprovement.filter(
      (m) =>
        !m.ctx.negated &&
        !m.ctx.conditional &&
        !m.ctx.history &&
        m.ctx.section !== 'history' &&
        !isAnatomy(ctx, m) &&
        !notTherapistsGaitView(ctx, m) &&
        !aboutAnotherDomain(ctx, m),
    );
    if (statements.length === 0) return [];
    const justification = mentions.maintenance.filter((m) => !m.ctx.negated && m.ctx.section !== 'history');
    const justified = justification.length > 0;
    return [
      {
        severity: justified ? 'info' : 'warning',
        message: justified
          ? `Note says "${statements[0]?.match}"; skilled maintenance is stated`
          : `Note says "${statements[0]?.match}" with no skilled-maintenance justification`,
        explanation:
          'Coverage depends on the need for skilled care, not on potential to improve (Jimmo settlement). When walking is not expected to improve, the note must say why a therapist has to design or deliver the program; otherwise the gait training reads as not reasonable and necessary.',
        evidence: [
          ...firstFew(statements, 2).map((m) => mentionEvidence(ctx.analysis, m)),
          ...firstFew(justification, 1).map((m) => mentionEvidence(ctx.analysis, m)),
          ...ctx.gaitLines.map(chargeEvidence),
        ],
        fix: justified
          ? 'Check that the maintenance justification covers the gait program'
          : 'State why skilled maintenance is needed, or do not bill 97116',
      },
    ];
  },
});
