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

export function layoutOf(text: string): Layout {
  const sentenceStarts = [0];
  const sectionStarts = [0];
  const sectionKinds: SectionKind[] = ['none'];
  const heading = PATTERNS.heading;
  const length = text.length;
  // The next colon and the next line end at or after the current line start (-1: none left), each found
  // by a forward search that resumes where the previous one ended, so the whole note is read once.
  let nextColon = text.indexOf(':');
  let nextLineEnd = text.indexOf('\n');
  let lineStart = true;
  for (let i = 0; i < length; i++) {
    if (lineStart) {
      lineStart = false;
      if (nextColon !== -1 && nextColon < i) nextColon = text.indexOf(':', i);
      if (nextLineEnd !== -1 && nextLineEnd < i) nextLineEnd = text.indexOf('\n', i);
      // A colon within HEADING_REACH of the line start, before the line ends.
      const colonNear =
        nextColon !== -1 && nextColon < i + HEADING_REACH && (nextLineEnd === -1 || nextColon < nextLineEnd);
      heading.lastIndex = i;
      const m = colonNear ? heading.exec(text) : null;
      if (m && m[1] !== undefined) {
        const kind = headingKind(m[1]);
        if (kind) {
          if (sectionStarts[sectionStarts.length - 1] === i) sectionKinds[sectionKinds.length - 1] = kind;
          else {
            sectionStarts.push(i);
            sectionKinds.push(kind);
          }
        }
      }
    }
    const ch = text.charCodeAt(i);
    // A sentence ends at a line end, or at . ! ? ; before a blank or the end of the note.
    let end = false;
    if (ch === 10 /* \n */) {
      end = true;
      lineStart = true;
    } else if (ch === 46 /* . */ || ch === 33 /* ! */ || ch === 63 /* ? */ || ch === 59 /* ; */) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 32;
      end = next === 32 || next === 9 || next === 10 || next === 13;
    }
    if (end && i + 1 < length && sentenceStarts[sentenceStarts.length - 1] !== i + 1)
      sentenceStarts.push(i + 1);
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
