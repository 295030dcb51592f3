/**
 * One pass over the encounter's notes that every rule shares: layout, minutes, and the mentions of each
 * concept with their context. Each concept pattern runs once over each note; mentions are capped so that a
 * pathological note costs linear time.
 */
import type { NoteText } from '../model';
import type { Concept } from './concepts';
import { CONCEPTS, CONCEPT_NAMES, mayMatch } from './concepts';
import type { MentionContext } from './context';
import { contextOf } from './context';
import type { Layout } from './layout';
import { indexAt, isBlank, layoutOf } from './layout';
import type { MinuteFigure } from '../minutes/read';
import { readMinutes } from '../minutes/read';
import type { LabelledRow } from '../minutes/rows';
import { quoteSpan } from '../quote';
import { sectionAt, sentenceBounds } from './layout';
import { PATTERNS, eachMatch } from './patterns';

export type { Concept };

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
  layout: Layout;
  /** Sentences that speak of walking (any context). */
  gaitSentences: Set<number>;
}

export interface NoteAnalysis {
  notes: AnalyzedNote[];
  mentions: Record<Concept, Mention[]>;
  /** Every figure of time in the notes, with whose time it is (src/engine/minutes). */
  minutes: MinuteFigure[];
  /** Flowsheet rows: labels with their values. */
  rows: NoteRow[];
}

/** A flowsheet row of a note, with the note it came from. */
export interface NoteRow extends LabelledRow {
  noteId: string;
}

const PLAN_REACH_BEFORE = 120;
const PLAN_REACH_AFTER = 60;

/** Minutes written where they describe a plan or the history are not today's minutes. */
function notTodayIn(analyzed: AnalyzedNote): (start: number, end: number) => boolean {
  return (start, end) => {
    const section = sectionAt(analyzed.layout, start);
    if (section === 'plan' || section === 'history') return true;
    const sentence = sentenceBounds(analyzed.layout, start);
    const window = analyzed.note.text.slice(
      Math.max(sentence.start, start - PLAN_REACH_BEFORE),
      Math.min(sentence.end, end + PLAN_REACH_AFTER),
    );
    return PATTERNS.minutesPlanCue.test(window);
  };
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
    this.#ctx ??= contextOf(this.analyzed.note.text, this.analyzed.layout, this.start, this.end);
    return this.#ctx;
  }
}

export function analyzeNotes(notes: readonly NoteText[]): NoteAnalysis {
  const mentions = Object.fromEntries(CONCEPT_NAMES.map((c) => [c, [] as Mention[]])) as Record<
    Concept,
    Mention[]
  >;
  const analysis: NoteAnalysis = { notes: [], mentions, minutes: [], rows: [] };
  for (const note of notes) {
    if (note.text.trim() === '') continue;
    const layout = layoutOf(note.text);
    const analyzed: AnalyzedNote = { note, layout, gaitSentences: new Set<number>() };
    const lower = note.text.toLowerCase();
    for (const concept of CONCEPT_NAMES) {
      if (!mayMatch(CONCEPTS[concept], lower)) continue;
      const list = mentions[concept];
      let count = 0;
      eachMatch(CONCEPTS[concept].pattern, note.text, (m) => {
        list.push(new NoteMention(concept, analyzed, m.index, m.index + m[0].length));
        if (concept === 'gaitTerm') analyzed.gaitSentences.add(indexAt(layout.sentenceStarts, m.index));
        return ++count < MAX_MENTIONS_PER_NOTE;
      });
    }
    const read = readMinutes(note.id, note.text, notTodayIn(analyzed));
    analysis.minutes.push(...read.figures);
    for (const row of read.rows) {
      const { label, value, labelStart, valueStart, valueEnd, under } = row;
      analysis.rows.push({ label, value, labelStart, valueStart, valueEnd, under, noteId: note.id });
    }
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
  while (start < mention.start && isBlank(note.text.charCodeAt(start))) start++;
  while (end > mention.end && isBlank(note.text.charCodeAt(end - 1))) end--;
  return quoteSpan(note.text, start, end);
}

/** Clauses a therapist chains with semicolons after a gait clause that still describe that walk. */
const MAX_CHAINED_CLAUSES = 6;

/**
 * Whether a mention sits in a sentence about walking, or right after one (e.g. "VC for step length."), or
 * further on in the same semicolon-chained sentence ("Gait training ...; cues for ...; CGA, 150 ft x 3."):
 * the layout splits clauses at semicolons, but the device, distance or cues of one walk are often written
 * two or three clauses after it.
 */
export function nearGait(analysis: NoteAnalysis, mention: Mention): boolean {
  const analyzed = noteById(analysis, mention.noteId);
  if (!analyzed) return false;
  const s = mention.ctx.sentence;
  if (analyzed.gaitSentences.has(s) || analyzed.gaitSentences.has(s - 1)) return true;
  const { text } = analyzed.note;
  const starts = analyzed.layout.sentenceStarts;
  for (let k = s; k > 0 && s - k < MAX_CHAINED_CLAUSES; k--) {
    // A clause begins right after "; ": its sentence goes on from the clause before.
    if (text.charCodeAt((starts[k] ?? 0) - 1) !== 59) return false;
    if (analyzed.gaitSentences.has(k - 1)) return true;
  }
  return false;
}
