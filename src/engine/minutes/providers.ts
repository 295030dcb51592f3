/**
 * Who furnished each code's minutes, read line by line (domain doc §4, §8): a PTA named on a code's line
 * furnished that code's time there; a PTA named on a line of its own ("Treating clinician: D. Price, PTA")
 * furnished the visit; a co-signature ("Signed: L. Chen, PT / M. Ruiz, PTA") attributes no time; time the
 * PT and PTA furnish together ("PT treated with PTA assisting throughout") counts as the PT's.
 */
import type { MinuteFigure } from './read';

export type Furnisher = 'PT' | 'PTA' | 'both';

export interface Attribution {
  /** undefined: every code of the visit. */
  code: string | undefined;
  by: Furnisher;
  noteId: string;
  lineStart: number;
  lineEnd: number;
}

/** A physical therapist named on a line: "L. Chen, PT", "by the PT", "PT and PTA". Case-sensitive: "pt" is the patient. */
const PT_NAMED =
  /(?:,[ \t]{0,2}(?:DPT|PT)\b(?!A)|\b(?:DPT|PT)(?![A-Za-z])(?:[ \t]{1,3}(?:and|&|with|treated|provided|performed))|\bby (?:the )?PT\b(?!A)|\bphysical therapist\b(?! assistant))/;
/** Both together: the PTA assisting the PT, a co-treatment, both present throughout. */
const TOGETHER =
  /\b(?:together|jointly|co-?treat(?:ed|ing|ment)?|assisting|assisted by|both present|throughout with|with the PT present)\b/i;
/** A signature or co-signature line: it signs the note, it furnishes no time. */
const SIGNATURE = /\b(?:signed|co-?signed|signature|electronically)\b/i;
/** The PT supervises the PTA's visit: the time is still the PTA's. */
const SUPERVISING = /\bsupervis(?:ing|ion|ed|or)\b/i;

function lineAround(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  return [start, newline === -1 ? text.length : newline];
}

/**
 * The attributions that PTA mentions make, each on its line: the codes whose figures sit on that line, or
 * the whole visit when the line has none.
 */
export function ptaAttributions(
  noteId: string,
  text: string,
  ptaMentions: readonly { start: number }[],
  figures: readonly MinuteFigure[],
): Attribution[] {
  const out: Attribution[] = [];
  const seen = new Set<number>();
  for (const mention of ptaMentions) {
    const [lineStart, lineEnd] = lineAround(text, mention.start);
    if (seen.has(lineStart)) continue;
    seen.add(lineStart);
    const line = text.slice(lineStart, lineEnd);
    const ptToo = PT_NAMED.test(line);
    if (ptToo && SIGNATURE.test(line)) continue;
    const by: Furnisher = ptToo && TOGETHER.test(line) && !SUPERVISING.test(line) ? 'both' : 'PTA';
    const codes = new Set(
      figures
        .filter((f) => f.noteId === noteId && f.code !== undefined && f.start < lineEnd && f.end > lineStart)
        .map((f) => f.code),
    );
    if (codes.size === 0) out.push({ code: undefined, by, noteId, lineStart, lineEnd });
    for (const code of codes) out.push({ code, by, noteId, lineStart, lineEnd });
  }
  return out;
}

/** Whether some of `code`'s time is written as the PT's alone: a PT named on a line that holds its figure. */
export function ptFurnished(
  text: string,
  noteId: string,
  code: string,
  figures: readonly MinuteFigure[],
): boolean {
  return figures.some((f) => {
    if (f.noteId !== noteId || f.code !== code) return false;
    const [lineStart, lineEnd] = lineAround(text, f.start);
    const line = text.slice(lineStart, lineEnd);
    return PT_NAMED.test(line) && !/\bL?PTA\b/.test(line);
  });
}
