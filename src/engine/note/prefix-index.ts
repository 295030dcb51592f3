/**
 * Which of a list of patterns can match at a position, judged by the three characters there (prefixesOf at
 * depth 3): a lookup of two small tables rather than a regex attempt per pattern. Pattern i is bit i, so at
 * most 31 patterns.
 */
import { SYMBOLS, prefixesOf, symbolAt } from './regex-prefixes';

export interface PrefixIndex {
  /** By pair (first * SYMBOLS + second): the patterns that a match of at most two characters allows. */
  readonly byPair: Int32Array;
  /** By pair: the row of `byTriple` for that pair, or -1. */
  readonly tripleRow: Int32Array;
  /** By row * SYMBOLS + third character: the patterns whose longer matches begin with the three characters. */
  readonly byTriple: Int32Array;
}

const DEPTH = 3;

function addBit(table: Int32Array, at: number, bit: number): void {
  table[at] = (table[at] ?? 0) | bit;
}

export function prefixIndexOf(sources: readonly string[]): PrefixIndex {
  if (sources.length > 31) throw new Error('prefixIndexOf: at most 31 patterns');
  const byPair = new Int32Array(SYMBOLS * SYMBOLS);
  const tripleRow = new Int32Array(SYMBOLS * SYMBOLS).fill(-1);
  const triples: [pair: number, third: number, bit: number][] = [];
  for (const [i, source] of sources.entries()) {
    const bit = 1 << i;
    for (const prefix of prefixesOf(source, DEPTH)) {
      const symbols = [...prefix].map((ch) => ch.charCodeAt(0));
      const [first = 0, second, third] = symbols;
      if (second === undefined) {
        // A one-character match: whatever follows it.
        for (let next = 0; next < SYMBOLS; next++) addBit(byPair, first * SYMBOLS + next, bit);
      } else if (third === undefined) addBit(byPair, first * SYMBOLS + second, bit);
      else triples.push([first * SYMBOLS + second, third, bit]);
    }
  }
  let rows = 0;
  for (const [pair] of triples) if (tripleRow[pair] === -1) tripleRow[pair] = rows++;
  const byTriple = new Int32Array(Math.max(rows, 1) * SYMBOLS);
  for (const [pair, third, bit] of triples) addBit(byTriple, (tripleRow[pair] ?? 0) * SYMBOLS + third, bit);
  return { byPair, tripleRow, byTriple };
}

/** The bit set of patterns that can match at `at` in `text`; a superset of those that do. */
export function candidatesAt(index: PrefixIndex, text: string, at: number): number {
  const pair = symbolAt(text, at) * SYMBOLS + symbolAt(text, at + 1);
  const row = index.tripleRow[pair] ?? -1;
  const short = index.byPair[pair] ?? 0;
  return row === -1 ? short : short | (index.byTriple[row * SYMBOLS + symbolAt(text, at + 2)] ?? 0);
}
