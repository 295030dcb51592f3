/**
 * The first few characters a regex match can begin with, worked out from the pattern's source, so the
 * concept scan asks a concept's pattern only where the note's next characters allow a match. The answer may be
 * wider than the truth, never narrower: assertions (\b, lookarounds) count as matching nothing, classes and
 * wildcards as every character they might accept. Syntax outside the subset below throws, so a pattern that
 * this cannot read is never skipped silently.
 *
 * Subset: literals, escaped punctuation, \d \w \s \t \n \r, classes (ranges, negation), ., groups ((?:…),
 * (…), lookarounds), alternation, and the quantifiers ? * + {m} {m,} {m,n}.
 *
 * Characters are symbols 0-127, except that the ten digits are the one symbol DIGIT ("0"): a pattern that
 * starts with \d{1,3} would otherwise begin a thousand ways, and working them out would cost the worker's
 * start more than telling "12" from "34" saves. Every character from 128 up is the one symbol NON_ASCII.
 */

export const NON_ASCII = 128;
/** The number of symbols: 0-127 and NON_ASCII. */
export const SYMBOLS = 129;
/** The symbol of every digit. */
const DIGIT = 48;

/** The symbol of a UTF-16 unit: DIGIT for a digit, NON_ASCII from 128 up. */
export function symbolOf(code: number): number {
  if (code >= NON_ASCII) return NON_ASCII;
  return code >= 48 && code <= 57 ? DIGIT : code;
}

/**
 * The strings that begin a match, cut to `depth` symbols: a string shorter than `depth` is a whole match
 * (the empty string: the expression can match nothing at all). Each symbol is one UTF-16 unit, 0-128.
 */
type Prefixes = Set<string>;

const EPSILON: Prefixes = new Set(['']);

function union(a: Prefixes, b: Prefixes): Prefixes {
  return new Set([...a, ...b]);
}

/** a then b, cut to `depth` symbols. */
function concat(a: Prefixes, b: Prefixes, depth: number): Prefixes {
  const out = new Set<string>();
  for (const head of a) {
    if (head.length >= depth) out.add(head);
    else for (const tail of b) out.add((head + tail).slice(0, depth));
  }
  return out;
}

/**
 * x{min,max}: `depth` copies already fix the first `depth` symbols, so more copies add nothing (a copy that
 * matches empty adds no symbol either).
 */
function repeat(x: Prefixes, min: number, max: number, depth: number): Prefixes {
  let power = EPSILON;
  let result: Prefixes | undefined;
  for (let count = 0; count <= Math.min(max, depth); count++) {
    if (count > 0) power = concat(power, x, depth);
    if (count >= Math.min(min, depth)) result = result ? union(result, power) : power;
  }
  return result ?? EPSILON;
}

function charset(codes: Iterable<number>, depth: number): Prefixes {
  if (depth === 0) return EPSILON;
  const out = new Set<string>();
  for (const code of codes) out.add(String.fromCharCode(symbolOf(code)));
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}

const DIGITS = range(48, 57);
const WORD = [...range(48, 57), ...range(65, 90), ...range(97, 122), 95];
const SPACE = [9, 10, 11, 12, 13, 32, NON_ASCII];
const EVERY = range(0, NON_ASCII);
const PUNCTUATION = '/\\.-()[]?*+|{}^$:\'"&!#%,;<=>@`~ ';

/** The symbols an escape stands for (the character after the backslash). */
function escapeCodes(e: string): number[] {
  if (e === 'd') return DIGITS;
  if (e === 'w') return WORD;
  if (e === 's') return SPACE;
  if (e === 't') return [9];
  if (e === 'n') return [10];
  if (e === 'r') return [13];
  if (e !== '' && PUNCTUATION.includes(e)) return [e.charCodeAt(0)];
  throw new Error(`prefixesOf: unsupported escape \\${e}`);
}

function shortest(prefixes: Prefixes): number {
  let min = Infinity;
  for (const prefix of prefixes) min = Math.min(min, prefix.length);
  return min;
}

/**
 * Each method takes the number of symbols still wanted from what it reads: once every prefix of a sequence
 * is full, the rest is parsed but not expanded (a class repeated after "time" would otherwise be worked out
 * to every string of `depth` symbols, then cut away).
 */
class Reader {
  at = 0;
  constructor(readonly source: string) {}

  peek(): string {
    return this.source[this.at] ?? '';
  }

  alternation(depth: number): Prefixes {
    let result = this.sequence(depth);
    while (this.peek() === '|') {
      this.at++;
      result = union(result, this.sequence(depth));
    }
    return result;
  }

  private sequence(depth: number): Prefixes {
    let result = EPSILON;
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const wanted = Math.max(0, depth - shortest(result));
      result = concat(result, this.quantified(wanted), depth);
    }
    return result;
  }

  private quantified(depth: number): Prefixes {
    const atom = this.atom(depth);
    const q = this.peek();
    let min = 1;
    let max = 1;
    if (q === '?' || q === '*' || q === '+') {
      this.at++;
      min = q === '+' ? 1 : 0;
      max = q === '?' ? 1 : Infinity;
    } else if (q === '{') {
      const close = this.source.indexOf('}', this.at);
      if (close === -1) throw new Error('prefixesOf: unclosed {');
      const [low = '', high, ...rest] = this.source.slice(this.at + 1, close).split(',');
      min = Number(low);
      max = high === undefined ? min : high === '' ? Infinity : Number(high);
      if (low === '' || rest.length > 0 || !Number.isInteger(min) || !(max >= min))
        throw new Error('prefixesOf: malformed {m,n}');
      this.at = close + 1;
    } else return atom;
    if (this.peek() === '?') this.at++;
    return repeat(atom, min, max, depth);
  }

  private atom(depth: number): Prefixes {
    const ch = this.peek();
    this.at++;
    if (ch === '\\') {
      const e = this.peek();
      this.at++;
      return e === 'b' || e === 'B' ? EPSILON : charset(escapeCodes(e), depth);
    }
    if (ch === '[') return this.characterClass(depth);
    if (ch === '(') return this.group(depth);
    if (ch === '.') return charset(EVERY, depth);
    if (ch === '^' || ch === '$') return EPSILON;
    if ('*+?{)|'.includes(ch)) throw new Error(`prefixesOf: unexpected ${ch}`);
    return charset([ch.charCodeAt(0)], depth);
  }

  private group(depth: number): Prefixes {
    let zeroWidth = false;
    if (this.peek() === '?') {
      const kind = this.source.startsWith('?<', this.at)
        ? this.source.slice(this.at, this.at + 3)
        : this.source.slice(this.at, this.at + 2);
      if (kind === '?:') this.at += 2;
      else if (['?=', '?!', '?<=', '?<!'].includes(kind)) {
        zeroWidth = true;
        this.at += kind.length;
      } else throw new Error(`prefixesOf: unsupported group (${kind}`);
    }
    const inner = this.alternation(depth);
    if (this.peek() !== ')') throw new Error('prefixesOf: unclosed group');
    this.at++;
    // A lookaround consumes nothing; leaving out what it demands only widens the answer.
    return zeroWidth ? EPSILON : inner;
  }

  private characterClass(depth: number): Prefixes {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const codes = new Set<number>();
    while (this.at < this.source.length && this.peek() !== ']') {
      const lo = this.classMember();
      if (this.peek() === '-' && this.source[this.at + 1] !== ']' && lo.length === 1) {
        this.at++;
        const hi = this.classMember();
        if (hi.length !== 1) throw new Error('prefixesOf: range to a class escape');
        for (const c of range(lo[0] ?? 0, hi[0] ?? 0)) codes.add(c);
      } else for (const c of lo) codes.add(c);
    }
    if (this.peek() !== ']') throw new Error('prefixesOf: unclosed class');
    this.at++;
    if (!negated) return charset(codes, depth);
    // Every character from 128 up is one symbol, so a negated class keeps it unless it names all of them.
    return charset(
      EVERY.filter((c) => c === NON_ASCII || !codes.has(c)),
      depth,
    );
  }

  private classMember(): number[] {
    const ch = this.peek();
    this.at++;
    if (ch !== '\\') return [ch.charCodeAt(0)];
    const e = this.peek();
    this.at++;
    return escapeCodes(e);
  }
}

/**
 * The strings of at most `depth` symbols that a match of `source` can begin with (shorter ones are whole
 * matches). Throws for a pattern that can match the empty string: it can begin anywhere.
 */
export function prefixesOf(source: string, depth: number): Set<string> {
  const reader = new Reader(source);
  const prefixes = reader.alternation(depth);
  if (reader.at !== source.length) throw new Error(`prefixesOf: unexpected ) at ${reader.at}`);
  if (prefixes.has('')) throw new Error('prefixesOf: the pattern can match the empty string');
  return prefixes;
}
