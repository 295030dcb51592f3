/**
 * One pass over the encounter's notes that every rule shares: layout, minutes, and the mentions of each
 * concept with their context. Each concept pattern runs once over each note; mentions are capped so that a
 * pathological note costs linear time.
 */
import type { NoteText } from '../model';
import type { MentionContext } from './context';
import { contextOf } from './context';
import type { Layout } from './layout';
import { indexAt, layoutOf } from './layout';
import { asciiLower } from './lower';
import type { MinuteEntry, MinuteFact } from './minutes';
import { extractMinutes, quoteOf } from './minutes';
import { PATTERNS, eachMatch } from './patterns';

export const CONCEPTS = [
  'gaitTerm',
  'deviation',
  'cue',
  'skilledTraining',
  'objectiveMeasure',
  'repetitive',
  'device',
  'assistance',
  'distance',
  'stairs',
  'noImprovement',
  'maintenance',
  'group',
  'motionAnalysis',
  'ptaProvider',
] as const;
export type Concept = (typeof CONCEPTS)[number];

export interface Mention {
  readonly concept: Concept;
  readonly noteId: string;
  readonly start: number;
  readonly end: number;
  /** The matched words, as written. */
  readonly match: string;
  readonly ctx: MentionContext;
}

export interface AnalyzedNote {
  note: NoteText;
  /** The note after asciiLower(), same offsets. */
  lower: string;
  layout: Layout;
  /** Sentences that speak of walking (any context). */
  gaitSentences: Set<number>;
}

export interface NoteAnalysis {
  notes: AnalyzedNote[];
  mentions: Record<Concept, Mention[]>;
  minutes: MinuteEntry[];
  totalTimed: MinuteFact[];
  totalTreatment: MinuteFact[];
}

const MAX_MENTIONS_PER_NOTE = 400;

/**
 * Most mentions are never asked for their context (a rule that finds one documented device stops there),
 * so the context and the matched words are worked out on first use and kept.
 */
class NoteMention implements Mention {
  readonly noteId: string;
  #ctx: MentionContext | undefined;

  constructor(
    readonly concept: Concept,
    private readonly analyzed: AnalyzedNote,
    readonly start: number,
    readonly end: number,
  ) {
    this.noteId = analyzed.note.id;
  }

  get match(): string {
    return this.analyzed.note.text.slice(this.start, this.end);
  }

  get ctx(): MentionContext {
    this.#ctx ??= contextOf(this.analyzed.lower, this.analyzed.layout, this.start, this.end);
    return this.#ctx;
  }
}

/**
 * Cheap literal checks that let a costly pattern skip a note that cannot match it (the PTA pattern has no
 * literal prefix, so the regex engine would try it at every position).
 */
const GATES: Partial<Record<Concept, (text: string) => boolean>> = {
  ptaProvider: (text) => text.includes('PTA') || text.includes('ssistant'),
};

/** Case-sensitive concepts run on the original text; the others on the lower-cased one. */
const CASE_SENSITIVE: ReadonlySet<Concept> = new Set(['ptaProvider']);

export function analyzeNotes(notes: readonly NoteText[]): NoteAnalysis {
  const mentions = Object.fromEntries(CONCEPTS.map((c) => [c, [] as Mention[]])) as Record<
    Concept,
    Mention[]
  >;
  const analysis: NoteAnalysis = { notes: [], mentions, minutes: [], totalTimed: [], totalTreatment: [] };
  for (const note of notes) {
    if (note.text.trim() === '') continue;
    const layout = layoutOf(note.text);
    const lower = asciiLower(note.text);
    const analyzed: AnalyzedNote = { note, lower, layout, gaitSentences: new Set<number>() };
    for (const concept of CONCEPTS) {
      if (GATES[concept]?.(note.text) === false) continue;
      const list = mentions[concept];
      let count = 0;
      eachMatch(PATTERNS[concept], CASE_SENSITIVE.has(concept) ? note.text : lower, (m) => {
        if (++count > MAX_MENTIONS_PER_NOTE) return false;
        const start = m.index;
        if (concept === 'gaitTerm') analyzed.gaitSentences.add(indexAt(layout.sentenceStarts, start));
        list.push(new NoteMention(concept, analyzed, start, start + m[0].length));
        return true;
      });
    }
    const minutes = extractMinutes(note, layout, lower);
    analysis.minutes.push(...minutes.perCode);
    analysis.totalTimed.push(...minutes.totalTimed);
    analysis.totalTreatment.push(...minutes.totalTreatment);
    analysis.notes.push(analyzed);
  }
  return analysis;
}

export function noteById(analysis: NoteAnalysis, noteId: string): AnalyzedNote | undefined {
  return analysis.notes.find((n) => n.note.id === noteId);
}

/** The sentence (trimmed, at most 200 characters) around a mention, for evidence. */
export function sentenceQuote(
  analysis: NoteAnalysis,
  mention: Pick<Mention, 'noteId' | 'start' | 'end'>,
): {
  start: number;
  end: number;
  quote: string;
} {
  const analyzed = noteById(analysis, mention.noteId);
  if (!analyzed) return { start: mention.start, end: mention.end, quote: '' };
  const { layout, note } = analyzed;
  const starts = layout.sentenceStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= mention.start) lo = mid;
    else hi = mid - 1;
  }
  let start = Math.max(starts[lo] ?? 0, mention.start - 120);
  let end = Math.min(starts[lo + 1] ?? note.text.length, mention.end + 120);
  while (start < mention.start && isSpace(note.text.charCodeAt(start))) start++;
  while (end > mention.end && isSpace(note.text.charCodeAt(end - 1))) end--;
  return { start, end, quote: quoteOf(note.text, start, end) };
}

/** Whether a mention sits in a sentence about walking, or right after one (e.g. "VC for step length."). */
export function nearGait(analysis: NoteAnalysis, mention: Mention): boolean {
  const analyzed = noteById(analysis, mention.noteId);
  if (!analyzed) return false;
  const s = mention.ctx.sentence;
  return analyzed.gaitSentences.has(s) || analyzed.gaitSentences.has(s - 1);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
