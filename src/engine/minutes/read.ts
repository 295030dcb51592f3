/**
 * The minutes reader: every figure of time in a note, in each form of the domain doc §8 (forms.ts), with
 * whose time it is: a code's own minutes, an item of a code's activity list (part of its time), the day's
 * timed total, the treatment time, or a visit's time in and time out. It reads prose, tables whose columns
 * are padded with blanks or drawn with pipes and dashes, and flowsheet rows (rows.ts).
 *
 * A figure of 0 or 1 minute for a billed day is a misreading or a template's default, so it is kept as
 * unreadable: no unit count is ever drawn from it.
 */
import { mayMatch } from '../note/concepts';
import { INTERVENTION_LABELS } from '../note/lexicon';
import { quoteSpan } from '../quote';
import type { Duration, DurationFormId } from './forms';
import {
  DURATION_FORMS,
  REST_AFTER,
  TIME_IN_OUT,
  WALKING_ACTIVITY,
  clockSpan,
  durationOf,
  figureLabelKind,
  isAttachedGap,
} from './forms';
import type { LabelledRow } from './rows';
import { labelledRows } from './rows';

export type FigureKind = 'code' | 'part' | 'total-timed' | 'treatment-time' | 'visit';

export interface MinuteFigure {
  kind: FigureKind;
  /** For 'code' and 'part': whose minutes. */
  code?: string;
  minutes: number;
  form: DurationFormId | 'number' | 'time-in-out';
  /** How the owner was found. */
  labelledBy: 'code' | 'name' | 'table' | 'row' | 'activity' | 'label';
  noteId: string;
  start: number;
  end: number;
  /** The note text it was read from, at word boundaries. */
  quote: string;
  /** 0 or 1 minute: not a figure any unit count can rest on. */
  unreadable: boolean;
}

export interface ReadMinutes {
  figures: MinuteFigure[];
  rows: LabelledRow[];
}

type FigureDraft = Omit<MinuteFigure, 'noteId' | 'unreadable' | 'quote'>;

/** Whether text[start, end) describes a plan or the history rather than today's care. */
export type NotToday = (start: number, end: number) => boolean;

const MAX_FIGURES = 1000;
const MAX_QUANTITIES = 4000;
const LABEL_REACH = 100;

interface Token {
  code: string;
  start: number;
  end: number;
  byCode: boolean;
}

const TIME_OUT = /time[ \t]{0,2}out/i;

const CODE_TOKEN = /\b(?:9\d{4}|g0\d{3})\b/gi;

/** The interventions named in `label` (text-case), by name or by code, in order of where they end. */
function tokensIn(label: string): Token[] {
  const tokens: Token[] = [];
  for (const entry of INTERVENTION_LABELS) {
    const pattern = entry.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(label); m !== null; m = pattern.exec(label)) {
      if (m[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      tokens.push({ code: entry.code, start: m.index, end: m.index + m[0].length, byCode: false });
    }
    pattern.lastIndex = 0;
  }
  CODE_TOKEN.lastIndex = 0;
  for (let m = CODE_TOKEN.exec(label); m !== null; m = CODE_TOKEN.exec(label))
    tokens.push({ code: m[0].toUpperCase(), start: m.index, end: m.index + m[0].length, byCode: true });
  CODE_TOKEN.lastIndex = 0;
  return tokens.sort((a, b) => a.end - b.end || a.start - b.start);
}

/** The owner among tokens: a code number written in the label wins over a name. */
function ownerOf(tokens: readonly Token[]): { code: string; byCode: boolean } | undefined {
  const coded = tokens.filter((t) => t.byCode);
  const last = (coded.length > 0 ? coded : tokens)[(coded.length > 0 ? coded : tokens).length - 1];
  return last && { code: last.code, byCode: last.byCode };
}

/** Only separators and joining words: "", " and ", ", then ". */
const CLAUSE_JOIN = /^[\s,;.&+/-]*(?:(?:and|then|plus|followed by|&)[\s,]*)?$/;

interface Quantity {
  start: number;
  end: number;
  minutes: number | undefined;
  form: DurationFormId;
  ambiguous: boolean;
  clock: boolean;
}

function quantitiesOf(text: string): Quantity[] {
  const found: Quantity[] = [];
  const lower = text.toLowerCase();
  for (const form of DURATION_FORMS) {
    if (!mayMatch(form, lower)) continue;
    const pattern = form.pattern;
    pattern.lastIndex = 0;
    let count = 0;
    for (let m = pattern.exec(text); m !== null && count < MAX_QUANTITIES; m = pattern.exec(text)) {
      count++;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        minutes: form.minutes(m),
        form: form.id,
        ambiguous: form.ambiguous === true,
        clock: form.id === 'clock-range',
      });
    }
    pattern.lastIndex = 0;
  }
  // Earliest first; at one start the longest ("18-20 min" over "20 min" starts later and is dropped too).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Quantity[] = [];
  let lastEnd = -1;
  for (const q of found) {
    if (q.start < lastEnd) continue;
    kept.push(q);
    lastEnd = q.end;
  }
  return kept;
}

/**
 * The parts of a note already read as some figure, so that no text is read twice (a table row is not
 * read again as prose). Kept as sorted, non-overlapping spans: a long note holds thousands of figures,
 * and each new one asks whether its text is taken.
 */
class Claims {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first span that ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(start: number, end: number): void {
    // Spans that overlap the new one are folded into it (touching ones stay apart, as overlaps() reads them).
    const from = this.firstEndingAfter(start);
    let to = from;
    while (to < this.starts.length && (this.starts[to] ?? 0) < end) to++;
    if (to > from) {
      start = Math.min(start, this.starts[from] ?? start);
      end = Math.max(end, this.ends[to - 1] ?? end);
    }
    this.starts.splice(from, to - from, start);
    this.ends.splice(from, to - from, end);
  }

  /** Whether [start, end) shares any character with a claimed span. */
  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && (this.starts[i] ?? 0) < end;
  }
}

const TABLE_MINUTES_HEADER =
  /^(?:min|mins|min\.|minutes|time|time \(min\)|time \(mins\)|minutes spent|total min|duration|tx time)$/;
const TABLE_LABEL_HEADER =
  /^(?:interventions?|procedures?|treatments?|services?|activit(?:y|ies)|codes?|cpt|cpt code|description|modalit(?:y|ies)|exercises?|billing code)$/;
const CELL_SPLIT = / {2,}|\t|\|/;
const PIPE = /\|/;
const RULE_ROW = /^[\s|:+=-]*$/;

export function readMinutes(noteId: string, text: string, notToday: NotToday): ReadMinutes {
  const figures: MinuteFigure[] = [];
  const claims = new Claims();
  const push = (figure: FigureDraft): void => {
    if (figures.length >= MAX_FIGURES) return;
    if (notToday(figure.start, figure.end)) return;
    const { start, end, quote } = quoteSpan(text, figure.start, figure.end);
    // Written out rather than spread: one shape for every figure, which keeps this hot path cheap.
    figures.push({
      kind: figure.kind,
      code: figure.code,
      minutes: figure.minutes,
      form: figure.form,
      labelledBy: figure.labelledBy,
      start,
      end,
      quote,
      noteId,
      unreadable: figure.minutes <= 1,
    });
  };

  tableFigures(text, claims, push);
  const rows = labelledRows(text);
  rowFigures(rows, text, claims, push);
  totalFigures(text, claims, push);
  proseFigures(text, claims, push);

  // Every time in / time out pair holds "time out": a note without it (most notes, and a hostile run of
  // "Time in 9:05" with no end) is spared the pair's far costlier search.
  if (TIME_OUT.test(text)) {
    TIME_IN_OUT.lastIndex = 0;
    for (let m = TIME_IN_OUT.exec(text); m !== null; m = TIME_IN_OUT.exec(text)) {
      const minutes = clockSpan(m[1], m[2], m[3]?.toLowerCase(), m[4], m[5], m[6]?.toLowerCase(), 600);
      if (minutes !== undefined)
        push({
          kind: 'visit',
          minutes,
          form: 'time-in-out',
          labelledBy: 'label',
          start: m.index,
          end: m.index + m[0].length,
        });
    }
  }
  TIME_IN_OUT.lastIndex = 0;
  return { figures, rows };
}

type Push = (figure: FigureDraft) => void;

/**
 * Interventions tables: a header row with a label (or code) column and a minutes column, then one row per
 * intervention until a blank line. Rows drawn with dashes are skipped; cells are split on pipes, tabs or
 * runs of blanks.
 */
function tableFigures(text: string, claims: Claims, push: Push): void {
  if (!/min|time/i.test(text)) return;
  let header: { minutes: number } | undefined;
  let lineStart = 0;
  let rowsRead = 0;
  while (lineStart <= text.length && rowsRead < MAX_FIGURES) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > 400) header = undefined;
    else {
      const line = text.slice(lineStart, lineEnd);
      if (line.trim() === '') header = undefined;
      else if (!RULE_ROW.test(line) && CELL_SPLIT.test(line.trim())) {
        const cells = cellsOf(line);
        const minutes = cells.findIndex((c) => TABLE_MINUTES_HEADER.test(c.text));
        if (minutes >= 0 && cells.some((c) => TABLE_LABEL_HEADER.test(c.text))) header = { minutes };
        else if (header) {
          const cell = cells[header.minutes];
          const duration = cell ? durationOf(cell.text) : undefined;
          const owner = ownerOf(
            tokensIn(
              cells
                .filter((_, i) => i !== header?.minutes)
                .map((c) => c.text)
                .join('  '),
            ),
          );
          if (cell && duration && owner) {
            rowsRead++;
            claims.add(lineStart, lineEnd);
            push({
              kind: 'code',
              code: owner.code,
              minutes: duration.minutes,
              form: duration.form,
              labelledBy: 'table',
              start:
                lineStart +
                (text.slice(lineStart, lineEnd).length - text.slice(lineStart, lineEnd).trimStart().length),
              end:
                lineEnd -
                (text.slice(lineStart, lineEnd).length - text.slice(lineStart, lineEnd).trimEnd().length),
            });
          }
        }
      } else if (header && !RULE_ROW.test(line)) header = undefined;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
}

/**
 * A row drawn with pipes is split on its pipes only (the blanks that pad its cells are not columns); any
 * other row on tabs or runs of blanks. Header and rows split the same way, so their columns line up.
 */
function cellsOf(line: string): { text: string }[] {
  const split = line.includes('|') ? PIPE : CELL_SPLIT;
  return line.split(split).map((c) => ({ text: c.trim().toLowerCase() }));
}

/**
 * Flowsheet rows whose value is a duration: "Gait Training (97116) Minutes" / "25", "Total timed" /
 * "0:39", or "Time" / "0:24" under a block named by an intervention ("Gait Training", "PT Gait Training").
 */
function rowFigures(rows: readonly LabelledRow[], text: string, claims: Claims, push: Push): void {
  let block: string | undefined;
  for (const row of rows) {
    const label = row.label;
    const value = text.slice(row.valueStart, row.valueEnd);
    const duration = durationOf(value);
    // A row whose value is no duration, with the value beside its label, says nothing about whose time is whose.
    if (!duration && !row.under) continue;
    const owner = ownerOf(tokensIn(label));
    if (!duration) {
      // A label naming an intervention over another label opens that intervention's block.
      if (owner) block = owner.code;
      continue;
    }
    const kind = figureLabelKind(label);
    if (claims.overlaps(row.valueStart, row.valueEnd)) continue;
    if (kind === 'total-timed' || kind === 'treatment-time') {
      claims.add(row.valueStart, row.valueEnd);
      push({
        kind,
        minutes: duration.minutes,
        form: duration.form,
        labelledBy: 'label',
        start: row.labelStart,
        end: row.valueEnd,
      });
      continue;
    }
    if (kind === 'rest' || kind === 'session') continue;
    const code = owner?.code ?? (kind === 'time' ? block : undefined);
    // A bare number under a label that names neither time nor minutes ("Distance (feet)" / "120") is not time.
    if (!code || (kind !== 'time' && duration.form === 'number')) continue;
    if (kind !== 'time' && !owner) continue;
    claims.add(row.valueStart, row.valueEnd);
    push({
      kind: 'code',
      code,
      minutes: duration.minutes,
      form: duration.form,
      labelledBy: 'row',
      start: row.labelStart,
      end: row.valueEnd,
    });
  }
}

const TOTAL_LABEL =
  /\b(?:ttm|ttt|total[ \t]{1,3}(?:(?:timed|treatment|tx|therapy|visit|session|billable)[ \t]{1,3})?(?:(?:code|treatment|tx)[ \t]{1,3})?(?:minutes|mins|min|time)\b|total[ \t]{1,3}timed|timed[ \t]{1,3}(?:code[ \t]{1,3})?(?:minutes|mins|min|time)\b|1:1[ \t]{1,3}(?:timed[ \t]{1,3})?(?:minutes|mins|min|time)\b)/gi;
/** Between a total's label and its value: punctuation, leaders, "was", "were", "for the day", "today". */
const TOTAL_FILLER = /^(?:[ \t:=.–-]|was\b|were\b|is\b|of\b|for the day\b|today\b|for today\b)*/i;
const VALUE_END = /[\n;/(|]|[.,](?:\s|$)/;

/** "Total timed: 43", "TTM 38", "Total timed minutes were thirty-nine.", "Total tx time: 0:50". */
function totalFigures(text: string, claims: Claims, push: Push): void {
  if (!/total|timed|tt/i.test(text)) return;
  TOTAL_LABEL.lastIndex = 0;
  let count = 0;
  for (let m = TOTAL_LABEL.exec(text); m !== null && count < MAX_FIGURES; m = TOTAL_LABEL.exec(text)) {
    count++;
    const labelEnd = m.index + m[0].length;
    const after = text.slice(labelEnd, labelEnd + 60);
    const filler = TOTAL_FILLER.exec(after)?.[0].length ?? 0;
    const rest = after.slice(filler);
    const stop = rest.search(VALUE_END);
    const raw = stop === -1 ? rest : rest.slice(0, stop);
    const duration = valueDuration(raw);
    if (!duration) continue;
    const valueStart = labelEnd + filler;
    const valueEnd = valueStart + duration.length;
    if (claims.overlaps(valueStart, valueEnd)) continue;
    const kind = figureLabelKind(m[0]);
    if (kind !== 'total-timed' && kind !== 'treatment-time') continue;
    claims.add(valueStart, valueEnd);
    push({
      kind,
      minutes: duration.minutes,
      form: duration.form,
      labelledBy: 'label',
      start: m.index,
      end: valueEnd,
    });
  }
  TOTAL_LABEL.lastIndex = 0;
}

/** The longest leading part of `raw` that reads as a duration, with its length. */
function valueDuration(raw: string): (Duration & { length: number }) | undefined {
  const text = raw.trimEnd();
  for (let end = text.length; end > 0; end = text.lastIndexOf(' ', end - 1)) {
    const part = text.slice(0, end);
    const duration = durationOf(part) ?? bareRange(part);
    if (duration) return { ...duration, length: part.length };
    if (end - 1 <= 0) break;
  }
  return undefined;
}

const BARE_RANGE = /^(\d{1,3})[ \t]{0,2}(?:-|–)[ \t]{0,2}(\d{1,3})$/;

function bareRange(text: string): Duration | undefined {
  const m = BARE_RANGE.exec(text.trim());
  return m ? { minutes: Math.min(Number(m[1]), Number(m[2])), form: 'range' } : undefined;
}

const OF_AFTER = /^[ \t]{0,2}(?:of|in|for|on)[ \t]{1,3}/i;

/**
 * Figures in prose and shorthand, each owned by the intervention named before it on its line: its own
 * minutes when only punctuation, its code or a unit count stand between ("GT 97116 x2 - 25'"), an item of
 * its activity list otherwise ("Gait training (97116) - treadmill 8 min"). A figure inside an entry whose
 * own minutes were already given, and not at the start of a new clause, is an item of that entry.
 */
function proseFigures(text: string, claims: Claims, push: Push): void {
  let lineStart = -1;
  let lineEnd = -1;
  let clauseFrom = 0;
  /** The intervention whose entry the line is in, and whether its own minutes were given. */
  let entry: { code: string; given: boolean } | undefined;
  /** An entry line ending with ":" owns the lines under it until a blank line or the next entry. */
  let block: string | undefined;
  for (const q of quantitiesOf(text)) {
    if (q.start >= lineEnd) {
      const newLineStart = text.lastIndexOf('\n', q.start - 1) + 1;
      const newline = text.indexOf('\n', q.start);
      if (lineStart !== -1) block = blockAfter(text, lineEnd, newLineStart, block);
      lineStart = newLineStart;
      lineEnd = newline === -1 ? text.length : newline;
      clauseFrom = lineStart;
      entry = undefined;
    }
    if (q.minutes === undefined || claims.overlaps(q.start, q.end)) {
      clauseFrom = Math.max(clauseFrom, q.end);
      continue;
    }
    let from = Math.max(clauseFrom, q.start - LABEL_REACH);
    // A sentence end closes the entry the figure before it was in: "Gait training 27 min, FWW. Ther ex 10 min".
    const sentenceEnd = lastSentenceEnd(text, from, q.start);
    if (sentenceEnd !== -1) {
      from = sentenceEnd;
      entry = undefined;
    }
    const label = text.slice(from, q.start);
    clauseFrom = q.end;
    if (REST_AFTER.test(text.slice(q.end, q.end + 24))) continue;
    const tokens = tokensIn(label);
    const last = tokens[tokens.length - 1];
    let code: string | undefined;
    let kind: 'code' | 'part' | undefined;
    let labelledBy: MinuteFigure['labelledBy'] = 'name';
    let ownerStart = q.start;
    if (last) {
      const startsClause = CLAUSE_JOIN.test(label.slice(0, tokens[0]?.start ?? 0));
      const gap = label.slice(last.end);
      if (figureLabelKind(gap) === 'rest') continue;
      if (entry?.given && !startsClause) {
        code = entry.code;
        kind = 'part';
      } else {
        const owner = ownerOf(tokens) ?? last;
        code = owner.code;
        labelledBy = owner.byCode ? 'code' : 'name';
        kind = isAttachedGap(gap) ? 'code' : 'part';
        ownerStart = from + (tokens[0]?.start ?? 0);
      }
    } else {
      const labelKind = figureLabelKind(label);
      if (
        labelKind === 'rest' ||
        labelKind === 'session' ||
        labelKind === 'total-timed' ||
        labelKind === 'treatment-time'
      )
        continue;
      const of = OF_AFTER.exec(text.slice(q.end, q.end + 8));
      const after = of ? tokensIn(text.slice(q.end + of[0].length, q.end + of[0].length + 40)) : [];
      const lead = after[0];
      if (q.clock && !label.trim()) {
        // "1315-1343  Gait training (97116): ..." : the clock range leads its line.
        const rest = text.slice(q.end, Math.min(lineEnd, q.end + LABEL_REACH));
        const named = tokensIn(rest);
        const first = named[0];
        if (first && CLAUSE_JOIN.test(rest.slice(0, first.start))) {
          const coded = named.find((t) => t.byCode && t.start < first.end + 12);
          code = coded?.code ?? first.code;
          labelledBy = coded ? 'code' : 'name';
          kind = 'code';
        }
      } else if (lead && lead.start === 0) {
        code = lead.code;
        kind = 'code';
      } else if (entry) {
        code = entry.code;
        kind = 'part';
      } else if (block) {
        code = block;
        kind = 'part';
      } else if (WALKING_ACTIVITY.test(label)) {
        code = '97116';
        kind = 'part';
        labelledBy = 'activity';
      }
    }
    if (!code || !kind) continue;
    if (q.ambiguous && kind !== 'code') continue;
    if (kind === 'code') entry = { code, given: true };
    claims.add(q.start, q.end);
    push({
      kind,
      code,
      minutes: q.minutes,
      form: q.form,
      labelledBy,
      start: Math.min(ownerStart, q.start),
      end: q.end,
    });
  }
}

/**
 * The block the lines between `from` and `to` leave open: an entry line that ends with a colon ("Gait
 * training 97116 - 38 min:") owns the lines under it; a blank line closes it.
 */
function blockAfter(text: string, from: number, to: number, block: string | undefined): string | undefined {
  const between = text.slice(from, to);
  if (/\n[ \t]*\n/.test(between)) return undefined;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const line = text.slice(lineStart, from).trimEnd();
  if (line.endsWith(':')) {
    const owner = ownerOf(tokensIn(line));
    if (owner) return owner.code;
  }
  return block;
}

/** Just past the last ". " or "; " in text[from, to), or -1. */
function lastSentenceEnd(text: string, from: number, to: number): number {
  for (let i = to - 2; i >= from; i--) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    // Leader dots ("Gait training ........ 27 min") end no sentence.
    const leader = code === 46 && (text.charCodeAt(i - 1) === 46 || text.charCodeAt(i + 2) === 46);
    if ((code === 46 || code === 59) && (next === 32 || next === 9) && !leader) return i + 1;
  }
  return -1;
}
