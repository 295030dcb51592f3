/**
 * Minutes as therapists write them, and whose they are: "Gait training (97116): 23 min", "GT 15'",
 * "97116 x2 (27 min)", "gait trng 8-10 min", "23 minutes of gait training", tables of interventions with a
 * minutes column, "Total timed minutes: 47", "total treatment time 50 min", "time in 9:05 / time out 9:50".
 */
import type { NoteText } from '../model';
import type { Layout } from './layout';
import { sectionAt, sentenceBounds } from './layout';
import { MINUTE_FORMS } from './concepts';
import { lastInterventionIn, leadingIntervention } from './lexicon';
import { PATTERNS, eachMatch } from './patterns';

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

/** text[start, end) cut to 200 characters, each run of white space made one blank, trimmed. */
export function quoteOf(text: string, start: number, end: number): string {
  return text
    .slice(start, Math.min(end, start + 200))
    .replace(PATTERNS.whitespaceRun, ' ')
    .trim();
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

export function extractMinutes(note: NoteText, layout: Layout): NoteMinutes {
  const text = note.text;
  const perCode: MinuteEntry[] = [];
  const totalTimed: MinuteFact[] = [];
  const totalTreatment: MinuteFact[] = [];

  let previousEnd = 0;
  eachMatch(MINUTE_FORMS.quantity.pattern, text, (m) => {
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

  for (const { pattern } of [MINUTE_FORMS.totalTimedBefore, MINUTE_FORMS.totalTimedAfter]) {
    eachMatch(pattern, text, (m) => {
      if (totalTimed.length >= MAX_ENTRIES) return false;
      const end = m.index + m[0].length;
      if (!isPlanOrHistory(text, layout, m.index, end))
        totalTimed.push(factOf(note, m.index, end, Number(m[1])));
      return true;
    });
  }
  eachMatch(MINUTE_FORMS.totalTreatment.pattern, text, (m) => {
    if (totalTreatment.length >= MAX_ENTRIES) return false;
    const end = m.index + m[0].length;
    if (PATTERNS.labelIsTotalTimed.test(m[0])) return true;
    if (!isPlanOrHistory(text, layout, m.index, end))
      totalTreatment.push(factOf(note, m.index, end, Number(m[1])));
    return true;
  });
  eachMatch(MINUTE_FORMS.timeInOut.pattern, text, (m) => {
    if (totalTreatment.length >= MAX_ENTRIES) return false;
    const minutes = clockDifference(m[1], m[2], m[3], m[4], m[5], m[6]);
    if (minutes !== undefined) totalTreatment.push(factOf(note, m.index, m.index + m[0].length, minutes));
    return true;
  });
  perCode.push(...tableMinutes(note, layout));
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

/**
 * Tables of interventions: a header row with a label column and a minutes column, then one row per
 * intervention until a blank line.
 */
function tableMinutes(note: NoteText, layout: Layout): MinuteEntry[] {
  const text = note.text;
  const entries: MinuteEntry[] = [];
  let header: { labelIndex: number; minutesIndex: number } | undefined;
  for (let lineStart = 0; lineStart <= text.length && entries.length < MAX_ENTRIES;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_TABLE_LINE + 1));
    // A blank line, an overlong one or one without cell breaks ends a table.
    if (lineEnd - lineStart > MAX_TABLE_LINE || line.trim() === '' || !hasCellBreak(line)) header = undefined;
    else {
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
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return entries;
}
