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
import { candidatesAt, prefixIndexOf } from './prefix-index';
import { prefixesOf } from './regex-prefixes';
import { PATTERNS, SCANNED_CONCEPTS, eachMatch } from './patterns';

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
 * The PTA pattern has no literal prefix, so the regex engine would try it at every position; a note without
 * "PTA" or "ssistant" cannot match it and skips the pass.
 */
function mayNamePta(text: string): boolean {
  return text.includes('PTA') || text.includes('ssistant');
}

type ScannedConcept = (typeof SCANNED_CONCEPTS)[number];

/** Sticky copies: asked at one position, a concept's pattern answers for that position only. */
const STICKY: readonly RegExp[] = SCANNED_CONCEPTS.map((c) => {
  if (PATTERNS[c].flags.includes('i')) throw new Error(`${c} must run on the lower-cased note`);
  if (!PATTERNS[c].source.startsWith('\\b')) throw new Error(`${c} must start at a word boundary`);
  return new RegExp(PATTERNS[c].source, 'y');
});

/**
 * Every concept pattern starts with \b and then a word character, so its matches begin at word starts only;
 * there, the next three characters pick the few patterns worth asking.
 */
const CONCEPT_INDEX = prefixIndexOf(
  SCANNED_CONCEPTS.map((c) => {
    for (const first of prefixesOf(PATTERNS[c].source, 1)) {
      if (!isWordChar(first.charCodeAt(0))) throw new Error(`${c} can begin with a non-word character`);
    }
    return PATTERNS[c].source;
  }),
);

/** A word character as \b sees it: [A-Za-z0-9_]. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95
  );
}

/**
 * Every concept's matches on the lower-cased note, the same as one global pass of each concept's own
 * pattern (leftmost match from where its previous match ended, at most MAX_MENTIONS_PER_NOTE). A match
 * begins at a word start, so one walk over the note visits each word start once and asks there only the
 * concepts that its first three characters allow, each at most once, and none before its previous match ends.
 */
function scanConcepts(
  analyzed: AnalyzedNote,
  record: (concept: ScannedConcept, start: number, end: number) => void,
): void {
  const lower = analyzed.lower;
  const length = lower.length;
  const count = new Int32Array(SCANNED_CONCEPTS.length);
  // Where each concept's own global pass would resume: a match never starts inside the previous one.
  const resume = new Int32Array(SCANNED_CONCEPTS.length);
  let active = (1 << SCANNED_CONCEPTS.length) - 1;
  let inWord = false;
  for (let at = 0; at < length && active !== 0; at++) {
    const code = lower.charCodeAt(at);
    const word = isWordChar(code);
    if (!word || inWord) {
      inWord = word;
      continue;
    }
    inWord = true;
    let candidates = candidatesAt(CONCEPT_INDEX, lower, at) & active;
    while (candidates !== 0) {
      const i = 31 - Math.clz32(candidates & -candidates);
      candidates &= candidates - 1;
      if (at < (resume[i] ?? 0)) continue;
      // test() rather than exec(): no match array; a sticky match ends where lastIndex stops.
      const sticky = STICKY[i] as RegExp;
      sticky.lastIndex = at;
      const found = sticky.test(lower);
      const end = sticky.lastIndex;
      sticky.lastIndex = 0;
      if (!found) continue;
      const seen = (count[i] ?? 0) + 1;
      count[i] = seen;
      if (seen > MAX_MENTIONS_PER_NOTE) {
        active &= ~(1 << i);
        continue;
      }
      resume[i] = end;
      record(SCANNED_CONCEPTS[i] as ScannedConcept, at, end);
    }
  }
}

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
    scanConcepts(analyzed, (concept, start, end) => {
      if (concept === 'gaitTerm') analyzed.gaitSentences.add(indexAt(layout.sentenceStarts, start));
      mentions[concept].push(new NoteMention(concept, analyzed, start, end));
    });
    if (mayNamePta(note.text)) {
      const list = mentions.ptaProvider;
      let count = 0;
      eachMatch(PATTERNS.ptaProvider, note.text, (m) => {
        if (++count > MAX_MENTIONS_PER_NOTE) return false;
        list.push(new NoteMention('ptaProvider', analyzed, m.index, m.index + m[0].length));
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
