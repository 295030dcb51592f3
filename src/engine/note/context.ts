/**
 * Whether a mention is today's treatment, or history, a plan, negated or conditional. Every test looks at a
 * bounded window around the mention inside its sentence, so the cost per mention is constant even when a
 * "sentence" is a megabyte without punctuation.
 */
import type { Layout, SectionKind } from './layout';
import { sectionAt, sentenceBounds } from './layout';
import { PATTERNS, eachMatch } from './patterns';

const WINDOW_BEFORE = 160;
const WINDOW_AFTER = 100;
const NEGATION_REACH = 48;

export interface MentionContext {
  section: SectionKind;
  sentence: number;
  negated: boolean;
  plan: boolean;
  history: boolean;
  conditional: boolean;
}

/** `lower` is the note after asciiLower(): the cue patterns have no `i` flag. */
export function contextOf(lower: string, layout: Layout, start: number, end: number): MentionContext {
  const sentence = sentenceBounds(layout, start);
  const from = Math.max(sentence.start, start - WINDOW_BEFORE);
  const to = Math.min(sentence.end, end + WINDOW_AFTER);
  const around = lower.slice(from, to);
  const before = lower.slice(Math.max(sentence.start, start - NEGATION_REACH), start);
  return {
    section: sectionAt(layout, start),
    sentence: sentence.index,
    negated: isNegated(before),
    plan: PATTERNS.planCue.test(around),
    history: PATTERNS.historyCue.test(around),
    conditional: PATTERNS.conditionalCue.test(lower.slice(Math.max(sentence.start, start - 60), start)),
  };
}

/** A negator shortly before the mention, not cancelled by a later "but"/"however". `before` is lower-case. */
export function isNegated(before: string): boolean {
  let lastEnd = -1;
  eachMatch(PATTERNS.negationCue, before, (m) => {
    lastEnd = m.index + m[0].length;
  });
  if (lastEnd < 0) return false;
  return !PATTERNS.contrastCue.test(before.slice(lastEnd));
}

/** Today's treatment or today's findings: not history, not a plan or goal, not negated. */
export function isTodaysWork(ctx: MentionContext): boolean {
  if (ctx.negated || ctx.plan || ctx.history) return false;
  return ctx.section !== 'history' && ctx.section !== 'plan';
}
