/**
 * Splits a note into sentences and sections in one linear pass. Sections come from headings at line starts
 * ("PLAN:", "O:", "Short-term goals:"); a heading of unknown kind ("Gait:", "Motor:") is a sub-heading and
 * keeps the section it sits in.
 */
import { PATTERNS } from './patterns';

export type SectionKind = 'none' | 'history' | 'objective' | 'assessment' | 'plan';

export interface Layout {
  /** Start offsets of sentences, ascending; sentence i runs to sentenceStarts[i + 1] (or the end). */
  sentenceStarts: number[];
  /** Start offsets of sections, ascending, with their kinds. */
  sectionStarts: number[];
  sectionKinds: SectionKind[];
  length: number;
}

const SOAP_LETTERS: Readonly<Record<string, SectionKind>> = {
  s: 'history',
  o: 'objective',
  a: 'assessment',
  p: 'plan',
};

export function classifyHeading(heading: string): SectionKind | undefined {
  const text = heading.trim().toLowerCase();
  const letter = SOAP_LETTERS[text];
  if (letter) return letter;
  if (PATTERNS.headingPlan.test(text)) return 'plan';
  if (PATTERNS.headingHistory.test(text)) return 'history';
  if (PATTERNS.headingAssessment.test(text)) return 'assessment';
  if (PATTERNS.headingTreatment.test(text)) return 'objective';
  return undefined;
}

/**
 * The longest a heading match can run from its line start: 8 blanks, "12. " with 3 blanks, 61 characters of
 * name, the colon. A line with no colon that close cannot hold a heading, so the sticky pattern is skipped.
 */
const HEADING_REACH = 8 + 3 + 3 + 61 + 1;

/**
 * Heading kinds by heading text, shared by every note: classifyHeading depends on the text alone, and notes
 * repeat the same few headings. Bounded, so hostile notes with endless distinct headings stop adding to it.
 */
const HEADING_KINDS = new Map<string, SectionKind | undefined>();
const MAX_HEADING_KINDS = 5000;

function headingKind(name: string): SectionKind | undefined {
  const known = HEADING_KINDS.get(name);
  if (known !== undefined || HEADING_KINDS.has(name)) return known;
  const kind = classifyHeading(name);
  if (HEADING_KINDS.size < MAX_HEADING_KINDS) HEADING_KINDS.set(name, kind);
  return kind;
}

/** The characters that can end a sentence: a line end, or . ! ? ; before a blank or the end of the note. */
const SENTENCE_ENDERS = ['\n', '.', '!', '?', ';'] as const;

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export function layoutOf(text: string): Layout {
  const sentenceStarts = [0];
  const sectionStarts = [0];
  const sectionKinds: SectionKind[] = ['none'];
  const heading = PATTERNS.heading;
  const length = text.length;
  // Where the next of each sentence ender (and the next colon) is, each found by a forward search that
  // resumes past the previous one: the note is read by indexOf, never a character at a time in script.
  const next = SENTENCE_ENDERS.map((ch) => text.indexOf(ch));
  let nextColon = text.indexOf(':');
  let lineStart = 0;
  for (;;) {
    if (lineStart !== -1 && lineStart < length) {
      const i = lineStart;
      lineStart = -1;
      if (nextColon !== -1 && nextColon < i) nextColon = text.indexOf(':', i);
      const newline = next[0] ?? -1;
      const lineEnd = newline === -1 ? length : newline;
      // A colon within HEADING_REACH of the line start, before the line ends, may end a heading.
      if (nextColon !== -1 && nextColon < i + HEADING_REACH && nextColon < lineEnd) {
        heading.lastIndex = i;
        const m = heading.exec(text);
        const kind = m && m[1] !== undefined ? headingKind(m[1]) : undefined;
        if (kind) {
          if (sectionStarts[sectionStarts.length - 1] === i) sectionKinds[sectionKinds.length - 1] = kind;
          else {
            sectionStarts.push(i);
            sectionKinds.push(kind);
          }
        }
      }
    }
    let which = -1;
    let at = length;
    for (let k = 0; k < next.length; k++) {
      const found = next[k] ?? -1;
      if (found !== -1 && found < at) {
        at = found;
        which = k;
      }
    }
    if (which === -1) break;
    next[which] = text.indexOf(SENTENCE_ENDERS[which] ?? '', at + 1);
    let end: boolean;
    if (which === 0) {
      end = true;
      lineStart = at + 1;
    } else end = at + 1 >= length || isBlank(text.charCodeAt(at + 1));
    if (end && at + 1 < length && sentenceStarts[sentenceStarts.length - 1] !== at + 1)
      sentenceStarts.push(at + 1);
  }
  heading.lastIndex = 0;
  return { sentenceStarts, sectionStarts, sectionKinds, length };
}

/** Index of the last start ≤ offset (binary search). */
export function indexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sentenceBounds(
  layout: Layout,
  offset: number,
): { start: number; end: number; index: number } {
  const index = indexAt(layout.sentenceStarts, offset);
  const start = layout.sentenceStarts[index] ?? 0;
  const end = layout.sentenceStarts[index + 1] ?? layout.length;
  return { start, end, index };
}

export function sectionAt(layout: Layout, offset: number): SectionKind {
  return layout.sectionKinds[indexAt(layout.sectionStarts, offset)] ?? 'none';
}
