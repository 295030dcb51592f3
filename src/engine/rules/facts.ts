/**
 * Facts several rules share: which minutes the notes document for each code, the day's timed total, and
 * evidence helpers.
 */
import type { ChargeLine, Evidence } from '../model';
import type { MinuteFigure } from '../minutes/read';
import type { Mention, NoteAnalysis, NoteRow } from '../note/analyze';
import { sentenceQuote } from '../note/analyze';
import { isTimedCode } from '../units';

export const GAIT_CODE = '97116';

export interface CodeMinutes {
  minutes: number;
  /**
   * Only items of the code's activity list are written ("treadmill 8 min" inside the gait entry): the
   * code's minutes are at least `minutes`, with no upper bound of their own.
   */
  partial: boolean;
  entries: MinuteFigure[];
  /** Minutes shown on the charge line itself (when the note has none for the code). */
  fromCharge?: ChargeLine;
  /** Settled from the day's total minus the other codes' minutes, or from a visit given to this code alone. */
  derivedFromTotal?: MinuteFigure;
}

export interface DocumentedMinutes {
  byCode: Map<string, CodeMinutes>;
  /** The largest stated total of timed minutes (the reading most favourable to what was billed). */
  totalTimed: MinuteFigure | undefined;
  /** The largest stated treatment time (timed and untimed): an upper bound on timed minutes. */
  treatmentTime: MinuteFigure | undefined;
  /** The longest visit by time in and time out. */
  visit: MinuteFigure | undefined;
  /** Figures no unit count may rest on (0 or 1 minute for a billed day). */
  unreadable: MinuteFigure[];
  rows: NoteRow[];
}

/**
 * Sums a code's own minute figures, leaving out restatements: the same figure given once by name and once
 * by code number, in a table and in prose, in another note field, or a line equal to the sum of the earlier
 * ones.
 */
export function combineEntries(entries: readonly MinuteFigure[]): { minutes: number; used: MinuteFigure[] } {
  const used: MinuteFigure[] = [];
  let sum = 0;
  for (const entry of entries) {
    const restated = used.some(
      (u) =>
        u.minutes === entry.minutes &&
        (u.noteId !== entry.noteId ||
          u.labelledBy !== entry.labelledBy ||
          u.labelledBy === 'table' ||
          u.labelledBy === 'row'),
    );
    const isSubtotal = used.length >= 2 && entry.minutes === sum;
    if (restated || isSubtotal) continue;
    used.push(entry);
    sum += entry.minutes;
  }
  return { minutes: sum, used };
}

function largest(facts: readonly MinuteFigure[]): MinuteFigure | undefined {
  let best: MinuteFigure | undefined;
  for (const f of facts) if (!best || f.minutes > best.minutes) best = f;
  return best;
}

export function documentedMinutes(analysis: NoteAnalysis, charges: readonly ChargeLine[]): DocumentedMinutes {
  const figures = analysis.minutes;
  const rows = analysis.rows;
  const readable = figures.filter((f) => !f.unreadable);
  const own = new Map<string, MinuteFigure[]>();
  const parts = new Map<string, MinuteFigure[]>();
  for (const figure of readable) {
    if (figure.code === undefined) continue;
    const into = figure.kind === 'code' ? own : figure.kind === 'part' ? parts : undefined;
    if (!into) continue;
    const list = into.get(figure.code) ?? [];
    list.push(figure);
    into.set(figure.code, list);
  }
  const byCode = new Map<string, CodeMinutes>();
  for (const [code, entries] of own) {
    const { minutes, used } = combineEntries(entries);
    byCode.set(code, { minutes, partial: false, entries: used });
  }
  for (const [code, entries] of parts) {
    if (byCode.has(code)) continue;
    byCode.set(code, { minutes: entries.reduce((sum, e) => sum + e.minutes, 0), partial: true, entries });
  }
  for (const line of charges) {
    if (line.minutes === undefined || (byCode.has(line.code) && !byCode.get(line.code)?.partial)) continue;
    const sameCode = charges.filter((c) => c.code === line.code && c.minutes !== undefined);
    const minutes = sameCode.reduce((sum, c) => sum + (c.minutes ?? 0), 0);
    byCode.set(line.code, { minutes, partial: false, entries: [], fromCharge: line });
  }
  const pick = (kind: MinuteFigure['kind']) => largest(readable.filter((f) => f.kind === kind));
  const result: DocumentedMinutes = {
    byCode,
    totalTimed: pick('total-timed'),
    treatmentTime: pick('treatment-time'),
    visit: pick('visit'),
    unreadable: figures.filter((f) => f.unreadable),
    rows,
  };
  settleGaitFromTotals(result, charges);
  return result;
}

/**
 * Gait minutes not written as such can still be settled: the day's timed total less every other timed
 * code's minutes, or a visit by time in and time out given to gait training alone (domain doc §8).
 */
function settleGaitFromTotals(result: DocumentedMinutes, charges: readonly ChargeLine[]): void {
  const { byCode, totalTimed, visit } = result;
  const gait = byCode.get(GAIT_CODE);
  if (gait && !gait.partial) return;
  if (!charges.some((c) => c.code === GAIT_CODE && c.units > 0)) return;
  const atLeast = gait?.minutes ?? 0;
  const others = timedCodesOfDay(result, charges).filter((code) => code !== GAIT_CODE);
  if (totalTimed && others.every((code) => byCode.has(code) && !byCode.get(code)?.partial)) {
    const otherMinutes = others.reduce((sum, code) => sum + (byCode.get(code)?.minutes ?? 0), 0);
    const remainder = totalTimed.minutes - otherMinutes;
    if (remainder >= atLeast) {
      byCode.set(GAIT_CODE, {
        minutes: remainder,
        partial: false,
        entries: [],
        derivedFromTotal: totalTimed,
      });
      return;
    }
  }
  const onlyGait =
    others.length === 0 &&
    charges.every((c) => c.code === GAIT_CODE || c.units === 0 || !isTimedCode(c.code));
  if (visit && onlyGait && !totalTimed && visit.minutes >= atLeast) {
    byCode.set(GAIT_CODE, { minutes: visit.minutes, partial: false, entries: [], derivedFromTotal: visit });
  }
}

/** Timed codes of the day: those billed with units and those with documented minutes. */
export function timedCodesOfDay(minutes: DocumentedMinutes, charges: readonly ChargeLine[]): string[] {
  const codes = new Set<string>();
  for (const line of charges) if (line.units > 0 && isTimedCode(line.code)) codes.add(line.code);
  for (const [code, m] of minutes.byCode) if (isTimedCode(code) && m.minutes > 0) codes.add(code);
  return [...codes];
}

export function chargeQuote(line: ChargeLine): string {
  const mods = line.modifiers.length > 0 ? ` ${line.modifiers.join(':')}` : '';
  const minutes = line.minutes !== undefined ? ` (${line.minutes} min)` : '';
  return `${line.code} × ${line.units}${mods}${minutes}`;
}

export function chargeEvidence(line: ChargeLine): Evidence {
  return { kind: 'charge', chargeId: line.id, quote: chargeQuote(line) };
}

export function factEvidence(fact: Pick<MinuteFigure, 'noteId' | 'start' | 'end' | 'quote'>): Evidence {
  return { kind: 'note', noteId: fact.noteId, start: fact.start, end: fact.end, quote: fact.quote };
}

export function mentionEvidence(analysis: NoteAnalysis, mention: Mention): Evidence {
  const { start, end, quote } = sentenceQuote(analysis, mention);
  return { kind: 'note', noteId: mention.noteId, start, end, quote };
}

export function codeMinutesEvidence(m: CodeMinutes): Evidence[] {
  const evidence: Evidence[] = m.entries.map(factEvidence);
  if (m.fromCharge) evidence.push(chargeEvidence(m.fromCharge));
  if (m.derivedFromTotal) evidence.push(factEvidence(m.derivedFromTotal));
  return evidence;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Keeps evidence lists short enough for a side panel. */
export function firstFew<T>(items: readonly T[], count = 3): T[] {
  return items.slice(0, count);
}

/** A mention that states something about today: not negated, not a plan or goal, not history. */
export function isToday(mention: Mention): boolean {
  const { ctx } = mention;
  // The section first: it is known, the cues are looked for on use.
  return ctx.section !== 'history' && ctx.section !== 'plan' && !ctx.negated && !ctx.plan && !ctx.history;
}

/** A mention that documents something (negated statements like "no deviations" still document). */
export function isDocumented(mention: Mention): boolean {
  const { ctx } = mention;
  return ctx.section !== 'plan' && ctx.section !== 'history' && !ctx.plan && !ctx.history;
}

export function inGaitSentence(analysis: NoteAnalysis, mention: Mention): boolean {
  const analyzed = analysis.notes.find((n) => n.note.id === mention.noteId);
  return analyzed?.gaitSentences.has(mention.ctx.sentence) ?? false;
}

/** The note text around a mention (bounded), for checks that need a little more context. */
export function textAround(analysis: NoteAnalysis, mention: Mention, before: number, after: number): string {
  const analyzed = analysis.notes.find((n) => n.note.id === mention.noteId);
  if (!analyzed) return '';
  return analyzed.note.text.slice(Math.max(0, mention.start - before), mention.end + after);
}

export const DISTINCT_SERVICE_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);
