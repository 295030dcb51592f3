/**
 * Finds the matches of several word patterns in one walk over a text. Each pattern starts with \b and then
 * a word character, so its matches begin at word starts only; at each word start the next few characters
 * (prefixIndexOf) pick the few patterns worth asking. What is found for each pattern is exactly what one
 * global pass of that pattern alone would find: its leftmost match, then the leftmost from where that one
 * ended, and so on.
 */
import type { PrefixIndex } from './prefix-index';
import { candidatesAt, prefixIndexOf } from './prefix-index';
import { prefixesOf } from './regex-prefixes';

export interface WordScanner {
  readonly index: PrefixIndex;
  /** Sticky copies: asked at one position, a pattern answers for that position only. */
  readonly sticky: readonly RegExp[];
  /** Scratch for scanWords, kept between calls so a short label does not allocate (one scan at a time). */
  readonly resume: Int32Array;
}

/** A word character as \b sees it: [A-Za-z0-9_]. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95
  );
}

/** isWordChar by UTF-16 unit, as a table: one load per character in the scan loop. */
const WORD_UNITS = new Uint8Array(65536);
for (let code = 0; code < 128; code++) WORD_UNITS[code] = isWordChar(code) ? 1 : 0;

function hasUpperCase(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (source[i] === '\\') i++;
    else if (code >= 65 && code <= 90) return true;
  }
  return false;
}

/**
 * Patterns with the `i` flag are asked about lower-cased text (asciiLower), so their sources must not name
 * an upper-case letter: the index is built from the source as written.
 */
export function wordScannerOf(patterns: readonly RegExp[]): WordScanner {
  for (const pattern of patterns) {
    for (const first of prefixesOf(pattern.source, 1)) {
      if (!isWordChar(first.charCodeAt(0)) || !pattern.source.startsWith('\\b'))
        throw new Error(
          `${pattern.source.slice(0, 40)}: a word pattern must start with \\b and a word character`,
        );
    }
    if (pattern.flags.includes('i') && hasUpperCase(pattern.source))
      throw new Error(
        `${pattern.source.slice(0, 40)}: a case-insensitive word pattern must be written lower-case`,
      );
  }
  return {
    index: prefixIndexOf(patterns.map((p) => p.source)),
    sticky: patterns.map(stickyOf),
    resume: new Int32Array(patterns.length),
  };
}

/** A copy of `pattern` that answers for the one position lastIndex names; it keeps the `i` flag. */
export function stickyOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('i') ? 'iy' : 'y');
}

/** The match of sticky pattern `sticky` at `at`, with its groups, or null; lastIndex is left at 0. */
export function execAt(sticky: RegExp, text: string, at: number): RegExpExecArray | null {
  sticky.lastIndex = at;
  const match = sticky.exec(text);
  sticky.lastIndex = 0;
  return match;
}

/** Where a match of sticky pattern `sticky` at `at` ends, or -1 when it does not match there. */
function stickyEnd(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  // test() rather than exec(): no match array; a sticky match ends where lastIndex stops.
  const end = sticky.test(text) ? sticky.lastIndex : -1;
  sticky.lastIndex = 0;
  return end;
}

/**
 * Calls found(i, start, end) for each match of pattern i, in the order of their starts; found returns false
 * when pattern i needs no more matches. `found` must not start another scan with the same scanner. Bit i of
 * `skip` leaves pattern i out, for a caller that knows it cannot match this text.
 */
export function scanWords(
  scanner: WordScanner,
  text: string,
  found: (pattern: number, start: number, end: number) => boolean,
  skip = 0,
): void {
  const length = text.length;
  // Where each pattern's own global pass would resume: a match never starts inside the previous one.
  const resume = scanner.resume.fill(0);
  let active = ((1 << scanner.sticky.length) - 1) & ~skip;
  let inWord = 0;
  for (let at = 0; at < length && active !== 0; at++) {
    const word = WORD_UNITS[text.charCodeAt(at)] ?? 0;
    if (word <= inWord) {
      inWord = word;
      continue;
    }
    inWord = 1;
    let candidates = candidatesAt(scanner.index, text, at) & active;
    while (candidates !== 0) {
      const i = 31 - Math.clz32(candidates & -candidates);
      candidates &= candidates - 1;
      if (at < (resume[i] ?? 0)) continue;
      const end = stickyEnd(scanner.sticky[i] as RegExp, text, at);
      if (end === -1) continue;
      resume[i] = end;
      if (!found(i, at, end)) active &= ~(1 << i);
    }
  }
}

/** The first of the scanner's patterns, in list order, that matches at `at` (a word start), and where it ends. */
export function firstMatchAt(
  scanner: WordScanner,
  text: string,
  at: number,
): { pattern: number; end: number } | undefined {
  let candidates = candidatesAt(scanner.index, text, at);
  while (candidates !== 0) {
    const i = 31 - Math.clz32(candidates & -candidates);
    candidates &= candidates - 1;
    const end = stickyEnd(scanner.sticky[i] as RegExp, text, at);
    if (end !== -1) return { pattern: i, end };
  }
  return undefined;
}
