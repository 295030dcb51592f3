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
import { leadingIntervention } from './lexicon';
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
  /** Today's gait blocks (see gaitBlocksOf), worked out on first use. */
  gaitBlocks?: GaitBlocks;
}

/** Spans [starts[i], ends[i]) of the note, ascending and apart. */
interface GaitBlocks {
  starts: number[];
  ends: number[];
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

/** The most lines, and sentences, after a sentence about today's walking that still describe that walk. */
const MAX_BLOCK_LINES = 12;
const MAX_BLOCK_SENTENCES = 24;
/** How far back a wrapped line's sentence is read for history or plan cues. */
const WRAPPED_SENTENCE_REACH = 240;
const GAIT_CODE = '97116';
/** What may precede an entry: blanks, table pipes, bullets, a list number. */
const ENTRY_LEAD = /^[ \t|*•>#–—-]{0,12}(?:\d{1,2}[.)][ \t]{1,3})?/;

/**
 * Whether the sentence at `start` opens another entry, which ends the gait block before it: a heading, a
 * blank line, another intervention's label or code ("Ther ex (97110) - ...", "| 97110 | 16 |"), or an
 * activity with minutes of its own that are not gait training's ("Bike 10 min; 2 miles.").
 */
function opensOtherEntry(
  text: string,
  layout: Layout,
  gaitFigureStarts: readonly number[],
  start: number,
  end: number,
): boolean {
  const head = text.slice(start, Math.min(end, start + 80));
  const atLineStart = start === 0 || text.charCodeAt(start - 1) === 10;
  if (atLineStart && head.trim() === '') return true;
  if (layout.sectionStarts[indexAt(layout.sectionStarts, start)] === start) return true;
  const lead = ENTRY_LEAD.exec(head)?.[0].length ?? 0;
  const entry = leadingIntervention(head.slice(lead));
  if (entry) return entry.code !== GAIT_CODE;
  const withMinutes = PATTERNS.activityWithMinutes.exec(head.slice(lead));
  if (!withMinutes) return false;
  const figureAt = start + lead + withMinutes[0].length;
  const gaitFigure = gaitFigureStarts[indexAt(gaitFigureStarts, figureAt)] ?? Infinity;
  return !(gaitFigure >= start && gaitFigure < figureAt);
}

/**
 * Today's gait blocks: a sentence that speaks of today's walking, and the sentences and lines after it
 * until a blank line, a heading or another entry. A therapist writes one walk's device, distance,
 * assistance and cues over wrapped lines, sub-lines and the next clauses of a dictated sentence.
 */
function gaitBlocksOf(analysis: NoteAnalysis, analyzed: AnalyzedNote): GaitBlocks {
  if (analyzed.gaitBlocks) return analyzed.gaitBlocks;
  const blocks: GaitBlocks = { starts: [], ends: [] };
  const { note, layout } = analyzed;
  const { text } = note;
  const starts = layout.sentenceStarts;
  const gaitFigureStarts = analysis.minutes
    .filter((f) => f.noteId === note.id && f.code === GAIT_CODE)
    .map((f) => f.start)
    .sort((a, b) => a - b);
  let covered = -1;
  for (const g of analysis.mentions.gaitTerm) {
    // A gait word inside the block before is part of that walk.
    if (g.noteId !== note.id || g.start < covered || !isTodaysWalk(g)) continue;
    // From the sentence of the gait word: what an earlier sentence on its line says is not this walk's.
    const first = g.ctx.sentence;
    const blockStart = starts[first] ?? g.start;
    let end = starts[first + 1] ?? text.length;
    let lines = 0;
    for (let k = first + 1; k < starts.length && k - first <= MAX_BLOCK_SENTENCES; k++) {
      const start = starts[k] ?? text.length;
      const next = starts[k + 1] ?? text.length;
      if (text.charCodeAt(start - 1) === 10 && ++lines > MAX_BLOCK_LINES) break;
      if (opensOtherEntry(text, layout, gaitFigureStarts, start, next)) break;
      end = next;
    }
    covered = end;
    const last = blocks.ends.length - 1;
    if (last >= 0 && (blocks.ends[last] ?? 0) >= blockStart) blocks.ends[last] = end;
    else {
      blocks.starts.push(blockStart);
      blocks.ends.push(end);
    }
  }
  analyzed.gaitBlocks = blocks;
  return blocks;
}

function isTodaysWalk(g: Mention): boolean {
  const { ctx } = g;
  return ctx.section !== 'history' && ctx.section !== 'plan' && !ctx.negated && !ctx.plan && !ctx.history;
}

/**
 * Whether a mention on a wrapped line belongs to a sentence begun on an earlier line in the past or the
 * plan ("She says her husband walks with her and gives" / "verbal cues at home"): the layout ends sentences
 * at line ends, so the mention's own context cannot see it.
 */
function wrappedFromHistoryOrPlan(text: string, blockStart: number, start: number): boolean {
  let from = start;
  while (from > blockStart && start - from < WRAPPED_SENTENCE_REACH) {
    const code = text.charCodeAt(from - 1);
    const ender = code === 46 || code === 33 || code === 63 || code === 59; // . ! ? ;
    if (ender && isBlank(text.charCodeAt(from))) break;
    from--;
  }
  const window = text.slice(from, start);
  return PATTERNS.historyCue.test(window) || PATTERNS.planCue.test(window);
}

function inGaitBlock(analysis: NoteAnalysis, analyzed: AnalyzedNote, mention: Mention): boolean {
  const { starts, ends } = gaitBlocksOf(analysis, analyzed);
  const i = indexAt(starts, mention.start);
  const start = starts[i] ?? Infinity;
  const inside = start <= mention.start && mention.end <= (ends[i] ?? -1);
  return inside && !wrappedFromHistoryOrPlan(analyzed.note.text, start, mention.start);
}

/**
 * Whether a mention sits in a sentence about walking, or in the gait block of today's walking (gaitBlocksOf):
 * the sentences after it ("VC for step length."), the clauses chained with semicolons ("Gait training ...;
 * cues for ...; CGA, 150 ft x 3."), its wrapped lines and sub-lines, up to the next entry.
 */
export function nearGait(analysis: NoteAnalysis, mention: Mention): boolean {
  const analyzed = noteById(analysis, mention.noteId);
  if (!analyzed) return false;
  if (analyzed.gaitSentences.has(mention.ctx.sentence)) return true;
  return inGaitBlock(analysis, analyzed, mention);
}
