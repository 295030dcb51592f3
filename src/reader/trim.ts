/**
 * End-of-string trimming without regular expressions. Patterns such as /[ \t]+$/ backtrack quadratically on a
 * long run of blanks that is followed by anything else (a hostile note with 50,000 tabs froze the tab for
 * seconds), so these walk back from the end once.
 */

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';
const isSpace = (char: string | undefined) => char !== undefined && char.trim() === '';

/** Drops spaces and tabs at the end (not other whitespace). */
export function trimTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** Drops spaces and tabs at the end of every line. */
export function trimTrailingBlanksPerLine(text: string): string {
  return text.split('\n').map(trimTrailingBlanks).join('\n');
}

/** Drops a trailing run of ':' or '*' (with any whitespace after it), as in "Units:" or "Note *". */
export function trimLabelPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end -= 1;
  let start = end;
  while (start > 0 && (text[start - 1] === ':' || text[start - 1] === '*')) start -= 1;
  return start === end ? text : text.slice(0, start);
}

/** The content of a final "[...]" group, as in bill[3][code] → "code" (whitespace after it allowed). */
export function lastBracketGroup(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end -= 1;
  if (text[end - 1] !== ']') return undefined;
  const close = end - 1;
  // The group may hold '[' but not ']': it opens at the first '[' after the previous ']'.
  const open = text.indexOf('[', text.lastIndexOf(']', close - 1) + 1);
  if (open < 0 || open >= close - 1) return undefined;
  return text.slice(open + 1, close);
}

/** Drops a trailing number and one separator before it: "cpt_1" → "cpt", "units2" → "units". */
export function trimTrailingIndex(text: string): string {
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) >= 48 && text.charCodeAt(start - 1) <= 57) start -= 1;
  if (start === text.length) return text;
  const separator = text[start - 1];
  if (separator === '_' || separator === '-' || separator === '.') start -= 1;
  return text.slice(0, start);
}
