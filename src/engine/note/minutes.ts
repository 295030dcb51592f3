/**
 * Minutes as therapists write them, and whose they are: "Gait training (97116): 23 min", "GT 15'",
 * "97116 x2 (27 min)", "gait trng 8-10 min", "23 minutes of gait training", tables of interventions with a
 * minutes column, "Total timed minutes: 47", "total treatment time 50 min", "time in 9:05 / time out 9:50".
 */
import type { NoteText } from '../model';
import type { Layout } from './layout';
import { sectionAt, sentenceBounds } from './layout';
import { lastInterventionIn, leadingIntervention } from './lexicon';
import { asciiLower } from './lower';
import { PATTERNS } from './patterns';
import type { WordScanner } from './word-scan';
import { execAt, scanWords, stickyOf, wordScannerOf } from './word-scan';

/** Minutes documented for one code. A range ("8-10 min") keeps its lower end, the figure that is sure. */
export interface MinuteEntry {
  code: string;
  minutes: number;
  noteId: string;
  start: number;
  end: number;
  quote: string;
  /** 'code' when the note names the code number, 'name' for an intervention name, 'table' for a table row. */
  labelledBy: 'code' | 'name' | 'table';
}

export interface MinuteFact {
  minutes: number;
  noteId: string;
  start: number;
  end: number;
  quote: string;
}

export interface NoteMinutes {
  perCode: MinuteEntry[];
  totalTimed: MinuteFact[];
  totalTreatment: MinuteFact[];
}

const LABEL_REACH = 80;
const PRIME_MAX_MINUTES = 90;
const MAX_ENTRIES = 1000;
const MAX_TABLE_LINE = 400;

/**
 * The whole-note patterns that extractMinutes reads, in this order. Each starts at a word, so analyzeNotes
 * finds their matches in the same walk as the concepts rather than in five passes of its own.
 */
export const MINUTE_PATTERNS = [
  PATTERNS.minuteQuantity,
  PATTERNS.totalTimedBefore,
  PATTERNS.totalTimedAfter,
  PATTERNS.totalTreatmentBefore,
  PATTERNS.timeInOut,
  PATTERNS.tableMinutesHeaderStart,
] as const;
const [QUANTITY, TIMED_BEFORE, TIMED_AFTER, TREATMENT_BEFORE, TIME_IN_OUT, HEADER_START] = [
  0, 1, 2, 3, 4, 5,
] as const;
const MINUTE_STICKY = MINUTE_PATTERNS.map(stickyOf);

/**
 * For each of MINUTE_PATTERNS, where its matches on the lower-cased note start and end, flat
 * ([start, end, start, end, …]): what one global pass of that pattern alone would find.
 */
export type MinuteMatches = number[][];

/**
 * Bit k set: every match of MINUTE_PATTERNS[k] holds a word that the note lacks, so a scan can leave the
 * pattern out. The patterns that start at a number are tried at every number otherwise, and the time-in
 * pattern looks 24 characters on for a time out: a megabyte of numbers, or of "Time in 9:05" without a
 * time out, then costs nothing more. The words are looked for in the order that usually ends the search
 * soonest.
 */
export function minutePatternsUnneeded(lower: string): number {
  let bits = 0;
  const unit =
    lower.includes('min') ||
    lower.includes('mn') ||
    lower.includes("'") ||
    lower.includes('’') ||
    lower.includes('′');
  if (!unit) bits |= 1 << QUANTITY;
  if (!lower.includes('timed')) bits |= 1 << TIMED_AFTER;
  if (!lower.includes('out')) bits |= 1 << TIME_IN_OUT;
  return bits;
}

/** Header starts past this many are not collected: a megabyte of "min" would otherwise keep them all. */
const MAX_HEADER_STARTS = 1000;

/** Adds a match of MINUTE_PATTERNS[k] to `matches`; false when the pattern needs no more. */
export function addMinuteMatch(matches: MinuteMatches, k: number, start: number, end: number): boolean {
  const found = matches[k];
  if (!found) return false;
  found.push(start, end);
  return k !== HEADER_START || found.length < 2 * MAX_HEADER_STARTS;
}

let minutesScanner: WordScanner | undefined;

/** The matches of MINUTE_PATTERNS alone, for a caller that has not scanned the note already. */
export function minuteMatchesOf(lower: string): MinuteMatches {
  minutesScanner ??= wordScannerOf(MINUTE_PATTERNS);
  const matches: MinuteMatches = MINUTE_PATTERNS.map(() => []);
  scanWords(
    minutesScanner,
    lower,
    (i, start, end) => addMinuteMatch(matches, i, start, end),
    minutePatternsUnneeded(lower),
  );
  return matches;
}

/** Visits pattern k's matches in order, with their groups; `visit` returns false to stop. */
function eachFound(
  k: number,
  matches: MinuteMatches,
  lower: string,
  visit: (m: RegExpExecArray) => boolean | void,
): void {
  const found = matches[k] ?? [];
  const sticky = MINUTE_STICKY[k] as RegExp;
  for (let j = 0; j < found.length; j += 2) {
    const m = execAt(sticky, lower, found[j] ?? 0);
    if (m && visit(m) === false) return;
  }
}

/**
 * text[start, end) cut to 200 characters, each run of white space made one blank, trimmed. Most quotes are
 * one line with single blanks and come back as the slice itself; the rest take the regex.
 */
export function quoteOf(text: string, start: number, end: number): string {
  const stop = Math.min(end, start + 200, text.length);
  // True at the start too, so that a leading blank counts as a run to trim.
  let afterBlank = true;
  for (let i = start; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code < 0xa0) afterBlank = false;
    else if (code === 32 ? afterBlank : isTrimmed(code)) return quoteByRegex(text, start, stop);
    else afterBlank = code === 32;
  }
  return afterBlank ? quoteByRegex(text, start, stop) : text.slice(start, stop);
}

function quoteByRegex(text: string, start: number, stop: number): string {
  return text.slice(start, stop).replace(PATTERNS.whitespaceRun, ' ').trim();
}

/** Minutes written where they describe a plan or the history are not today's minutes. */
function isPlanOrHistory(text: string, layout: Layout, start: number, end: number): boolean {
  const section = sectionAt(layout, start);
  if (section === 'plan' || section === 'history') return true;
  const sentence = sentenceBounds(layout, start);
  const window = text.slice(Math.max(sentence.start, start - 120), Math.min(sentence.end, end + 60));
  return PATTERNS.minutesPlanCue.test(window);
}

/** Just past the last line end or semicolon in text[from, to), or `from` when there is none. */
function lineStartWithin(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 59) return i + 1;
  }
  return from;
}

function factOf(note: NoteText, start: number, end: number, minutes: number): MinuteFact {
  return { minutes, noteId: note.id, start, end, quote: quoteOf(note.text, start, end) };
}

/**
 * `lower` is the note after asciiLower() (the scanning patterns have no `i` flag) and `matches` what
 * MINUTE_PATTERNS find on it; quotes come from the note.
 */
export function extractMinutes(
  note: NoteText,
  layout: Layout,
  lower = asciiLower(note.text),
  matches = minuteMatchesOf(lower),
): NoteMinutes {
  const text = note.text;
  const perCode: MinuteEntry[] = [];
  const totalTimed: MinuteFact[] = [];
  const totalTreatment: MinuteFact[] = [];

  let previousEnd = 0;
  eachFound(QUANTITY, matches, lower, (m) => {
    if (perCode.length >= MAX_ENTRIES) return false;
    const start = m.index;
    const end = start + m[0].length;
    const labelStart = lineStartWithin(text, Math.max(previousEnd, start - LABEL_REACH), start);
    previousEnd = end;
    const label = text.slice(labelStart, start);
    if (PATTERNS.labelIsTotal.test(label) || PATTERNS.labelIsTotalTimed.test(label)) return true;
    const minutes = Number(m[1]);
    const isPrime = (m[3] ?? '').length === 1 && (m[3] ?? '').toLowerCase() === (m[3] ?? '').toUpperCase();
    let owner = lastInterventionIn(label);
    let ownerStart = owner ? labelStart + owner.index : start;
    if (owner) {
      const between = label.slice(owner.end);
      if (PATTERNS.labelRestBreak.test(between)) owner = undefined;
      else if (isPrime && (between.trim().length > 3 || minutes > PRIME_MAX_MINUTES)) owner = undefined;
    } else if (!isPrime) {
      const after = text.slice(end, end + 60);
      const of = after.match(PATTERNS.ofAfterQuantity);
      if (of) {
        const lead = leadingIntervention(after.slice(of[0].length));
        if (lead) {
          owner = lead;
          ownerStart = start;
        }
      }
    }
    if (!owner) return true;
    if (isPlanOrHistory(text, layout, start, end)) return true;
    const spanStart = Math.min(ownerStart, start);
    perCode.push({
      code: owner.code,
      minutes,
      noteId: note.id,
      start: spanStart,
      end,
      quote: quoteOf(text, spanStart, end),
      labelledBy: label.includes(owner.code) ? 'code' : 'name',
    });
    return true;
  });

  for (const pattern of [TIMED_BEFORE, TIMED_AFTER]) {
    eachFound(pattern, matches, lower, (m) => {
      if (totalTimed.length >= MAX_ENTRIES) return false;
      const end = m.index + m[0].length;
      if (!isPlanOrHistory(text, layout, m.index, end))
        totalTimed.push(factOf(note, m.index, end, Number(m[1])));
      return true;
    });
  }
  eachFound(TREATMENT_BEFORE, matches, lower, (m) => {
    if (totalTreatment.length >= MAX_ENTRIES) return false;
    const end = m.index + m[0].length;
    if (PATTERNS.labelIsTotalTimed.test(m[0])) return true;
    if (!isPlanOrHistory(text, layout, m.index, end))
      totalTreatment.push(factOf(note, m.index, end, Number(m[1])));
    return true;
  });
  eachFound(TIME_IN_OUT, matches, lower, (m) => {
    if (totalTreatment.length >= MAX_ENTRIES) return false;
    const minutes = clockDifference(m[1], m[2], m[3], m[4], m[5], m[6]);
    if (minutes !== undefined) totalTreatment.push(factOf(note, m.index, m.index + m[0].length, minutes));
    return true;
  });
  perCode.push(...tableMinutes(note, layout, matches[HEADER_START] ?? []));
  return { perCode, totalTimed, totalTreatment };
}

function toMinutes(hour: number, minute: number, meridiem: string | undefined): number {
  const ap = meridiem?.toLowerCase();
  let h = hour % 12;
  if (ap === 'p') h += 12;
  else if (ap !== 'a') h = hour;
  return h * 60 + minute;
}

/** Minutes between a time in and a time out; a crossing of noon without am/pm adds twelve hours. */
export function clockDifference(
  h1: string | undefined,
  m1: string | undefined,
  ap1: string | undefined,
  h2: string | undefined,
  m2: string | undefined,
  ap2: string | undefined,
): number | undefined {
  const hourIn = Number(h1);
  const hourOut = Number(h2);
  const minIn = Number(m1);
  const minOut = Number(m2);
  if (hourIn > 23 || hourOut > 23 || minIn > 59 || minOut > 59) return undefined;
  let diff = toMinutes(hourOut, minOut, ap2 ?? ap1) - toMinutes(hourIn, minIn, ap1);
  if (diff <= 0 && ap1 === undefined && ap2 === undefined) diff += 12 * 60;
  if (diff <= 0 || diff > 600) return undefined;
  return diff;
}

function cellsOf(line: string): string[] {
  return line.split(PATTERNS.tableCellSplit).map((cell) => cell.trim());
}

function hasCellBreak(line: string): boolean {
  return line.includes('|') || line.includes('\t') || line.includes('  ');
}

/** Whether String.prototype.trim removes this UTF-16 unit; the same set as \s. */
function isTrimmed(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether a cell of cellsOf(line) starts at `at` once trimmed: only blanks lie between `at` and the line
 * start, a pipe, a tab or two spaces.
 */
function startsCell(text: string, at: number): boolean {
  let i = at - 1;
  let spaces = 0;
  for (; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 124 || code === 9) return true;
    if (!isTrimmed(code)) return false;
    spaces = code === 32 ? spaces + 1 : 0;
    if (spaces === 2) return true;
  }
  return true;
}

/**
 * Where the first line that can head a table starts, or -1. A header's minutes cell is "min…", "time…" or
 * "total min" (tableMinutesHeader), so it begins with one of three words (`headerStarts`, found in the note
 * scan) at the start of a cell. This spares most notes a search for a double blank over their whole text,
 * which cost more than the rest of the table reading: blanks are everywhere.
 */
function firstHeaderLine(text: string, headerStarts: readonly number[]): number {
  let at = -1;
  for (let j = 0; j < headerStarts.length; j += 2) {
    at = headerStarts[j] ?? 0;
    if (!startsCell(text, at)) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart <= MAX_TABLE_LINE && hasCellBreak(text.slice(lineStart, lineEnd)))
      return lineStart;
  }
  // Past the last start collected, the header line could be anywhere from that start's line on.
  return headerStarts.length >= 2 * MAX_HEADER_STARTS ? text.lastIndexOf('\n', at) + 1 : -1;
}

/**
 * Tables of interventions: a header row with a label column and a minutes column, then one row per
 * intervention until a blank line.
 */
function tableMinutes(note: NoteText, layout: Layout, headerStarts: readonly number[]): MinuteEntry[] {
  const text = note.text;
  const entries: MinuteEntry[] = [];
  // No table starts before its header line.
  let lineStart = firstHeaderLine(text, headerStarts);
  if (lineStart === -1) return entries;
  let header: { labelIndex: number; minutesIndex: number } | undefined;
  // A line with no pipe, tab or double blank only ends a table; the next such marker (each searched forward
  // from where the last one was found, -1 when none is left) says which line to read next.
  let nextPipe = text.indexOf('|', lineStart);
  let nextTab = text.indexOf('\t', lineStart);
  let nextDouble = text.indexOf('  ', lineStart);
  while (lineStart <= text.length && entries.length < MAX_ENTRIES) {
    if (nextPipe !== -1 && nextPipe < lineStart) nextPipe = text.indexOf('|', lineStart);
    if (nextTab !== -1 && nextTab < lineStart) nextTab = text.indexOf('\t', lineStart);
    if (nextDouble !== -1 && nextDouble < lineStart) nextDouble = text.indexOf('  ', lineStart);
    if (header === undefined) {
      let marker = -1;
      for (const at of [nextPipe, nextTab, nextDouble])
        if (at !== -1 && (marker === -1 || at < marker)) marker = at;
      if (marker === -1) break;
      // Every line before the marker's line has none: skip to the marker's line.
      const before = text.lastIndexOf('\n', marker - 1);
      if (before + 1 > lineStart) lineStart = before + 1;
    }
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_TABLE_LINE + 1));
    const usable = lineEnd - lineStart <= MAX_TABLE_LINE;
    if (!usable || line.trim() === '') header = undefined;
    else if (hasCellBreak(line)) {
      const cells = cellsOf(line);
      const minutesIndex = cells.findIndex((cell) => PATTERNS.tableMinutesHeader.test(cell));
      const labelIndex = cells.findIndex((cell) => PATTERNS.tableLabelHeader.test(cell));
      if (minutesIndex >= 0 && labelIndex >= 0) header = { labelIndex, minutesIndex };
      else if (header) {
        const minutesCell = cells[header.minutesIndex] ?? '';
        const number = minutesCell.match(PATTERNS.bareNumber);
        const labelCells = cells.filter((_, i) => i !== header?.minutesIndex).join(' ');
        const owner = number ? lastInterventionIn(labelCells) : undefined;
        if (number && owner && sectionAt(layout, lineStart) !== 'plan') {
          entries.push({
            code: owner.code,
            minutes: Number(number[1]),
            noteId: note.id,
            start: lineStart,
            end: lineEnd,
            quote: quoteOf(text, lineStart, lineEnd),
            labelledBy: 'table',
          });
        }
      }
    } else header = undefined;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return entries;
}
