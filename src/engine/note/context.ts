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
const CONDITIONAL_REACH = 60;

export interface MentionContext {
  readonly section: SectionKind;
  readonly sentence: number;
  readonly negated: boolean;
  readonly plan: boolean;
  readonly history: boolean;
  readonly conditional: boolean;
}

/**
 * The section and sentence are known at once; each cue is looked for on first use and kept, so a rule that
 * stops at the section ("in the plan") never runs the cue patterns.
 */
class LazyContext implements MentionContext {
  readonly section: SectionKind;
  readonly sentence: number;
  readonly #text: string;
  readonly #start: number;
  readonly #sentenceStart: number;
  readonly #from: number;
  readonly #to: number;
  #negated: boolean | undefined;
  #plan: boolean | undefined;
  #history: boolean | undefined;
  #conditional: boolean | undefined;

  constructor(text: string, layout: Layout, start: number, end: number) {
    const sentence = sentenceBounds(layout, start);
    this.section = sectionAt(layout, start);
    this.sentence = sentence.index;
    this.#text = text;
    this.#start = start;
    this.#sentenceStart = sentence.start;
    this.#from = Math.max(sentence.start, start - WINDOW_BEFORE);
    this.#to = Math.min(sentence.end, end + WINDOW_AFTER);
  }

  get negated(): boolean {
    this.#negated ??= isNegated(
      this.#text.slice(Math.max(this.#sentenceStart, this.#start - NEGATION_REACH), this.#start),
    );
    return this.#negated;
  }

  get plan(): boolean {
    this.#plan ??= PATTERNS.planCue.test(this.#text.slice(this.#from, this.#to));
    return this.#plan;
  }

  get history(): boolean {
    this.#history ??= PATTERNS.historyCue.test(this.#text.slice(this.#from, this.#to));
    return this.#history;
  }

  get conditional(): boolean {
    this.#conditional ??= PATTERNS.conditionalCue.test(
      this.#text.slice(Math.max(this.#sentenceStart, this.#start - CONDITIONAL_REACH), this.#start),
    );
    return this.#conditional;
  }

  /** Every field, in declaration order (the golden analysis digest serialises contexts). */
  toJSON(): MentionContext {
    const { section, sentence, negated, plan, history, conditional } = this;
    return { section, sentence, negated, plan, history, conditional };
  }
}

export function contextOf(text: string, layout: Layout, start: number, end: number): MentionContext {
  return new LazyContext(text, layout, start, end);
}

/** A negator shortly before the mention, not cancelled by a later "but"/"however". */
export function isNegated(before: string): boolean {
  let lastEnd = -1;
  eachMatch(PATTERNS.negationCue, before, (m) => {
    lastEnd = m.index + m[0].length;
  });
  if (lastEnd < 0) return false;
  return !PATTERNS.contrastCue.test(before.slice(lastEnd));
}
