import type { Mention } from '../note/analyze';
import { nearGait, noteById } from '../note/analyze';
import { sectionAt } from '../note/layout';
import { PATTERNS } from '../note/patterns';
import { GROUP_THERAPY } from './citations';
import { chargeEvidence, firstFew, isToday, mentionEvidence } from './facts';
import type { RuleContext } from './types';
import { defineRule } from './types';

/**
 * Concurrency or a group is often stated a sentence or more before the walking it qualifies ("Concurrent
 * treatment with another patient 1400-1430. Vitals stable. Gait training..."): the paragraph and section
 * decide, not the sentence. A statement before any heading (the visit's opening lines) qualifies the paragraph
 * it opens, even when the intervention line then opens a section of its own ("Gait training 30 min: ...").
 * Walking written as one-on-one is not the group's.
 */
function inGaitParagraph(ctx: RuleContext, group: Mention): boolean {
  const analyzed = noteById(ctx.analysis, group.noteId);
  if (!analyzed) return false;
  const { text } = analyzed.note;
  const blank = /\n[ \t]*\n/g;
  let from = 0;
  let to = text.length;
  for (let m = blank.exec(text); m !== null; m = blank.exec(text)) {
    if (m.index + m[0].length <= group.start) from = m.index + m[0].length;
    else if (m.index >= group.end) {
      to = m.index;
      break;
    }
  }
  const section = sectionAt(analyzed.layout, group.start);
  const walking = ctx.analysis.mentions.gaitTerm.filter(
    (g) =>
      g.noteId === group.noteId &&
      g.start >= from &&
      g.start < to &&
      (section === 'none' || sectionAt(analyzed.layout, g.start) === section) &&
      isToday(g),
  );
  if (walking.length === 0) return false;
  return !walking.some((g) => {
    const lineStart = text.lastIndexOf('\n', g.start - 1) + 1;
    const lineEnd = text.indexOf('\n', g.start);
    return PATTERNS.oneOnOne.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd));
  });
}

export const groupSession = defineRule({
  id: 'group-session',
  title: 'Gait work done in a group',
  description: 'The gait work was done with two or more patients at once; group therapy is billed as 97150.',
  severity: 'warning',
  citation: GROUP_THERAPY,
  medicareOnly: false,
  evaluate(ctx) {
    if (ctx.gaitUnits === 0) return [];
    const groups = ctx.analysis.mentions.group.filter(
      (m) => isToday(m) && (nearGait(ctx.analysis, m) || inGaitParagraph(ctx, m)),
    );
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
