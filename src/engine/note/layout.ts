/**
 * Splits a note into sentences and sections, each in one linear pass. Sections come from headings at line starts
 * ("PLAN:", "O:", "Short-term goals:", or a main section name alone on its line: "Interventions"); a heading
 * of unknown kind ("Gait:", "Motor:") is a sub-heading and keeps the section it sits in.
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
  if (PATTERNS.headingPlan.test(text) && !PATTERNS.fieldLabelDone.test(text)) return 'plan';
  if (PATTERNS.headingHistory.test(text)) return 'history';
  if (PATTERNS.headingAssessment.test(text)) return 'assessment';
  if (PATTERNS.headingTreatment.test(text)) return 'objective';
  return undefined;
}

/** Whether a UTF-16 unit is a blank that ends a word: space, tab, line feed or carriage return. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export function layoutOf(text: string): Layout {
  const sentenceStarts = [0];
  const sectionStarts = [0];
  const sectionKinds: SectionKind[] = ['none'];
  const length = text.length;
  const { heading, headingAlone } = PATTERNS;
  for (let lineStart = 0; lineStart < length;) {
    heading.lastIndex = lineStart;
    headingAlone.lastIndex = lineStart;
    const name = heading.exec(text)?.[1] ?? headingAlone.exec(text)?.[1];
    const kind = name === undefined ? undefined : classifyHeading(name);
    if (kind) {
      if (sectionStarts[sectionStarts.length - 1] === lineStart) sectionKinds[sectionKinds.length - 1] = kind;
      else {
        sectionStarts.push(lineStart);
        sectionKinds.push(kind);
      }
    }
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  heading.lastIndex = 0;
  headingAlone.lastIndex = 0;
  // A sentence ends at a line end, or at . ! ? ; before a blank or the end of the note. Read character by
  // character: a long note has tens of thousands of sentence ends, and a match object for each is garbage.
  for (let i = 0; i + 1 < length; i++) {
    const code = text.charCodeAt(i);
    const ender = code === 46 || code === 33 || code === 63 || code === 59; // . ! ? ;
    if (code === 10 || (ender && isBlank(text.charCodeAt(i + 1)))) sentenceStarts.push(i + 1);
  }
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
