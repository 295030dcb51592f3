/**
 * Evidence quotes: what a finding shows of the note. A quote starts and ends on whole words, never inside a
 * parenthesis it leaves open or a label it cuts, folds runs of blanks and line ends into one blank, and is cut
 * at a word end when long.
 */

const MAX_QUOTE = 200;
const PAREN_REACH = 80;

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 0xbf
  );
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** Punctuation a quote should neither start with nor end on ("," ";" ":" "-", a lone closing bracket). */
function isEdgePunctuation(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 45 || code === 0x2013 || code === 0x2014;
}

export interface Quote {
  start: number;
  end: number;
  quote: string;
}

/** The quote for text[start, end), widened to whole words and whole parentheses, then trimmed. */
export function quoteSpan(text: string, start: number, end: number): Quote {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from > 0 && isWordChar(text.charCodeAt(from - 1)) && isWordChar(text.charCodeAt(from))) from--;
  while (to < text.length && to > 0 && isWordChar(text.charCodeAt(to)) && isWordChar(text.charCodeAt(to - 1)))
    to++;
  // Inside a parenthesis opened shortly before on the same line: start at its opening.
  const open = openParenBefore(text, from);
  if (open !== -1) from = open;
  // A parenthesis opened in the quote and closed shortly after: end after it.
  const close = closeParenAfter(text, from, to);
  if (close !== -1) to = close + 1;
  while (from < to && (isBlank(text.charCodeAt(from)) || isEdgePunctuation(text.charCodeAt(from)))) from++;
  while (to > from && (isBlank(text.charCodeAt(to - 1)) || isEdgePunctuation(text.charCodeAt(to - 1)))) to--;
  if (to - from > MAX_QUOTE) {
    let cut = from + MAX_QUOTE;
    while (cut > from + MAX_QUOTE / 2 && !isBlank(text.charCodeAt(cut))) cut--;
    to = cut;
    while (to > from && (isBlank(text.charCodeAt(to - 1)) || isEdgePunctuation(text.charCodeAt(to - 1))))
      to--;
  }
  return { start: from, end: to, quote: fold(text.slice(from, to)) };
}

const BLANKS = /[ \t\n\r\u00a0]+/g;

/** Runs of blanks (the set isBlank knows) as one space, none at either end. */
function fold(text: string): string {
  const folded = text.replace(BLANKS, ' ');
  const from = folded.startsWith(' ') ? 1 : 0;
  const to = folded.length > from && folded.endsWith(' ') ? folded.length - 1 : folded.length;
  return folded.slice(from, to);
}

/** A "(" before `at` on the same line with no ")" after it up to `at`, within PAREN_REACH; else -1. */
function openParenBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && i >= at - PAREN_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 41) return -1;
    if (code === 40) return i;
  }
  return -1;
}

/** The ")" that closes a "(" left open in text[from, to), within PAREN_REACH after `to`; else -1. */
function closeParenAfter(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 40) depth++;
    else if (code === 41 && depth > 0) depth--;
  }
  if (depth === 0) return -1;
  for (let i = to; i < text.length && i < to + PAREN_REACH; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return -1;
    if (code === 41 && --depth === 0) return i;
  }
  return -1;
}
