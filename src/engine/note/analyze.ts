/**
 * One pass over the encounter's notes that every rule shares: layout, minutes, and the mentions of each
 * concept with their context. Each concept pattern runs once over each note; mentions are capped so that a
 * pathological note costs linear time.
 */
import type { NoteText } from '../model';
import type { MentionContext } from './context';
import { contextOf } from './context';
import type { Layout } from './layout';
import { layoutOf } from './layout';
import type { MinuteEntry, MinuteFact } from './minutes';
import { extractMinutes, quoteOf } from './minutes';
import { PATTERNS } from './patterns';

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
  concept: Concept;
  noteId: string;
  start: number;
  end: number;
  /** The matched words. */
  match: string;
  ctx: MentionContext;
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
  minutes: MinuteEntry[];
  totalTimed: MinuteFact[];
  totalTreatment: MinuteFact[];
}

const MAX_MENTIONS_PER_NOTE = 400;

/**
 * Cheap literal checks that let a costly pattern skip a note that cannot match it (the PTA pattern has no
 * literal prefix, so the regex engine would try it at every position).
 */
const GATES: Partial<Record<Concept, (text: string) => boolean>> = {
  ptaProvider: (text) => text.includes('PTA') || text.includes('ssistant'),
};

export function analyzeNotes(notes: readonly NoteText[]): NoteAnalysis {
  const mentions = Object.fromEntries(CONCEPTS.map((c) => [c, [] as Mention[]])) as Record<
    Concept,
    Mention[]
  >;
  const analysis: NoteAnalysis = { notes: [], mentions, minutes: [], totalTimed: [], totalTreatment: [] };
  for (const note of notes) {
    if (note.text.trim() === '') continue;
    const layout = layoutOf(note.text);
    const gaitSentences = new Set<number>();
    for (const concept of CONCEPTS) {
      if (GATES[concept]?.(note.text) === false) continue;
      let count = 0;
      for (const m of note.text.matchAll(PATTERNS[concept])) {
        if (++count > MAX_MENTIONS_PER_NOTE) break;
        const start = m.index;
        const end = start + m[0].length;
        const ctx = contextOf(note.text, layout, start, end);
        if (concept === 'gaitTerm') gaitSentences.add(ctx.sentence);
        mentions[concept].push({ concept, noteId: note.id, start, end, match: m[0], ctx });
      }
    }
    const minutes = extractMinutes(note, layout);
    analysis.minutes.push(...minutes.perCode);
    analysis.totalTimed.push(...minutes.totalTimed);
    analysis.totalTreatment.push(...minutes.totalTreatment);
    analysis.notes.push({ note, layout, gaitSentences });
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
