/**
 * One recommended claim: every finding of the encounter folded into one consistent set of charge lines
 * (code, units, modifiers), each change explained in one line. Fixes that pull different ways are resolved
 * here once, in domain terms:
 * - minutes against the MUE: the lower number of units wins (both are limits on the same line);
 * - the day's CMS total against each code's own units: the day's units table decides (§2);
 * - a group session against an NCCI 59: a 59 asserts separate one-on-one time, which the group wording puts
 *   in doubt, so no 59 is added until the therapist answers.
 * Findings only the therapist can settle (skill, prognosis, group, missing documentation) never change units
 * here: their lines are marked "query the therapist".
 */
import type { ChargeLine, Encounter, Finding, RuleId } from './model';
import type { MueTable } from './tables';
import type { DayUnits } from './day-units';
import { GAIT_CODE } from './rules/facts';
import { ALL_RULES } from './rules/index';
import type { Rule } from './rules/types';
import { plural } from './rules/facts';
import { isTimedCode } from './units';

/** Findings whose answer is in the therapist's hands: the coder asks, the claim does not change for them. */
export const THERAPIST_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'repetitive-walking',
  'no-improvement-expected',
  'group-session',
  'minutes-not-documented',
  'documentation-incomplete',
  'motion-analysis',
  'stairs-billed-separately',
]);

export function isTherapistFinding(finding: Pick<Finding, 'rule'>): boolean {
  return THERAPIST_RULES.has(finding.rule);
}

export interface ClaimLineState {
  units: number;
  modifiers: string[];
}

export interface ClaimLine {
  /** The page's charge line; absent for a line the claim adds. */
  lineId?: string;
  code: string;
  before?: ClaimLineState;
  /** Absent when the claim drops the line. */
  after?: ClaimLineState;
  /** One line per change to this charge line. */
  changes: string[];
  /** The therapist must answer something about this line before it is final. */
  query: boolean;
}

export interface ClaimChange {
  lineId?: string;
  code: string;
  text: string;
  rules: RuleId[];
}

export interface RecommendedClaim {
  lines: ClaimLine[];
  /** Every change, in line order, one sentence each. */
  changes: ClaimChange[];
  /** How fixes that disagreed were reconciled. */
  resolved: string[];
  /** Findings left to the therapist; they hold their lines, never their units. */
  therapist: { rule: RuleId; message: string; lineIds: string[] }[];
  /** False when some units cannot be settled from what the page shows (minutes per code missing). */
  settled: boolean;
  /** Why the claim is not settled, when it is not. */
  unsettled?: string;
}

interface ClaimInputs {
  encounter: Pick<Encounter, 'charges' | 'payer' | 'notes'>;
  findings: readonly Finding[];
  units: DayUnits;
  mue: MueTable | undefined;
}

function chargeIdsOf(finding: Finding): string[] {
  return finding.evidence.flatMap((e) => (e.kind === 'charge' ? [e.chargeId] : []));
}

function describe(code: string, units: number, modifiers: readonly string[]): string {
  return `${code} × ${units}${modifiers.length > 0 ? ` ${modifiers.join(':')}` : ''}`;
}

/** Units the day's table allows a code, before the MUE; with the sentence that says why. */
function targetFromMinutes(units: DayUnits, code: string, billed: number): { units: number; why?: string } {
  const row = units.lines.find((line) => line.code === code);
  if (!row) return { units: billed };
  const method = units.method === 'cms' ? 'CMS' : 'per-code';
  const minutes =
    row.minutes === null
      ? ''
      : row.minutesFrom === 'total'
        ? `${row.minutes} min (the day's total less the other codes)`
        : `${row.minutes} min`;
  if (row.supported !== null) {
    const tie =
      row.range && row.range.min !== row.range.max
        ? `; leftover minutes tie, so either code may take the spare unit`
        : '';
    const day =
      units.method === 'cms' && units.timedMinutes !== null
        ? `; the day's ${units.timedMinutes} timed minutes support ${plural(units.supportedTotal ?? 0, 'unit')} in all`
        : ' on their own';
    return { units: row.supported, why: `${minutes}${day}${tie} (${method})` };
  }
  if (row.range) {
    const clamped = Math.min(Math.max(billed, row.range.min), row.range.max);
    return {
      units: clamped,
      why: `${minutes} support ${row.range.min}–${row.range.max} while the other codes' minutes are not written (${method})`,
    };
  }
  return { units: billed };
}

/** Spreads a code's units over its lines: extra units go to the first line, cuts come off the last ones. */
function spread(lines: readonly ChargeLine[], target: number): number[] {
  const result = lines.map((line) => line.units);
  let delta = target - result.reduce((sum, units) => sum + units, 0);
  if (delta > 0 && result.length > 0) result[0] = (result[0] ?? 0) + delta;
  for (let i = result.length - 1; i >= 0 && delta < 0; i--) {
    const take = Math.min(result[i] ?? 0, -delta);
    result[i] = (result[i] ?? 0) - take;
    delta += take;
  }
  return result;
}

export function recommendClaim({ encounter, findings, units, mue }: ClaimInputs): RecommendedClaim {
  const counted = encounter.charges.filter((line) => line.status !== 'deleted');
  const lines: ClaimLine[] = counted.map((line) => ({
    lineId: line.id,
    code: line.code,
    before: { units: line.units, modifiers: [...line.modifiers] },
    after: { units: line.units, modifiers: [...line.modifiers] },
    changes: [],
    query: false,
  }));
  const byId = new Map(lines.map((line) => [line.lineId, line]));
  const changes: ClaimChange[] = [];
  const resolved: string[] = [];
  const note = (line: ClaimLine, text: string, rules: RuleId[]) => {
    line.changes.push(text);
    changes.push({ lineId: line.lineId, code: line.code, text, rules });
  };
  const fired = (rule: RuleId) => findings.filter((f) => f.rule === rule);
  const linesOf = (rule: RuleId, code?: string) =>
    [...new Set(fired(rule).flatMap(chargeIdsOf))]
      .map((id) => byId.get(id))
      .filter((line): line is ClaimLine => line !== undefined && (code === undefined || line.code === code));

  // Units: the day's table for timed codes, then the MUE on top.
  let unsettled: string | undefined;
  // With no therapist's note read, "no change" would read as an all-clear on charges nothing was checked against.
  if (!encounter.notes.some((n) => (n.kind ?? 'note') === 'note'))
    unsettled =
      'No note was read, so these lines were not checked against one: open the note before billing.';
  const codes = [...new Set(counted.map((line) => line.code))];
  for (const code of codes) {
    const codeLines = counted.filter((line) => line.code === code);
    const billed = codeLines.reduce((sum, line) => sum + line.units, 0);
    const fromMinutes = isTimedCode(code) ? targetFromMinutes(units, code, billed) : { units: billed };
    let target = fromMinutes.units;
    const limit = mue?.values[code]?.units;
    let mueWhy: string | undefined;
    if (limit !== undefined && target > limit) {
      if (fromMinutes.why !== undefined)
        resolved.push(
          `${code}: the minutes support ${fromMinutes.units} and the MUE allows ${limit}; the lower, ${limit}, is billed.`,
        );
      target = limit;
      mueWhy = `the MUE effective ${mue?.effective ?? ''} allows ${plural(limit, 'unit')} per date`;
    } else if (limit !== undefined && billed > limit && fromMinutes.units <= limit) {
      resolved.push(
        `${code}: billed ${billed} is over both the MUE (${limit}) and the minutes (${fromMinutes.units}); the minutes give the lower answer.`,
      );
    }
    if (target === billed) continue;
    const perLine = spread(codeLines, target);
    codeLines.forEach((charge, index) => {
      const line = byId.get(charge.id);
      const next = perLine[index] ?? charge.units;
      if (!line?.after || next === charge.units) return;
      const why = mueWhy ?? fromMinutes.why ?? '';
      const direction: RuleId = next < charge.units ? 'units-exceed-minutes' : 'units-below-minutes';
      const rules: RuleId[] = mueWhy ? ['units-over-mue'] : code === GAIT_CODE ? [direction] : [];
      if (next === 0) {
        line.after = undefined;
        note(line, `Drop ${describe(code, charge.units, charge.modifiers)}: ${why}`, rules);
      } else {
        line.after.units = next;
        note(line, `${code}: ${charge.units} → ${next} ${next === 1 ? 'unit' : 'units'}: ${why}`, rules);
      }
    });
  }
  // A timed code documented but not billed at all, once the page's charges were read.
  if (counted.length > 0) {
    for (const row of units.lines) {
      if (row.billed > 0 || row.lineIds.length > 0 || !row.supported) continue;
      const modifiers = encounter.payer.medicare ? ['GP'] : [];
      const line: ClaimLine = {
        code: row.code,
        after: { units: row.supported, modifiers },
        changes: [],
        query: false,
      };
      lines.push(line);
      note(
        line,
        `Add ${describe(row.code, row.supported, modifiers)}: ${row.minutes ?? 0} min documented, not billed`,
        row.code === GAIT_CODE ? ['units-below-minutes'] : [],
      );
    }
  }
  if (units.method === 'cms' && units.supportedTotal !== null) {
    const afterTimed = lines
      .filter((line) => line.after && isTimedCode(line.code))
      .reduce((sum, line) => sum + (line.after?.units ?? 0), 0);
    if (afterTimed > units.supportedTotal) {
      const open = units.lines.filter((row) => row.minutes === null).map((row) => row.code);
      unsettled = `The day's ${units.timedMinutes} timed minutes support ${plural(units.supportedTotal, 'unit')} in all, ${afterTimed} remain billed; the minutes of ${open.join(', ') || 'each code'} are not written, so the note cannot say which code gives units up.`;
    }
  }

  // Modifiers: coder-side edits, each declared by its rule.
  for (const rule of ALL_RULES) {
    const edit: Rule['claimModifier'] = rule.claimModifier;
    if (!edit) continue;
    for (const line of linesOf(rule.id)) {
      if (!line.after || line.after.modifiers.includes(edit.modifier)) continue;
      line.after.modifiers = edit.first
        ? [edit.modifier, ...line.after.modifiers]
        : [...line.after.modifiers, edit.modifier];
      note(line, `${line.code}: ${edit.note}`, [rule.id]);
    }
  }
  const groupInDoubt = fired('group-session').length > 0;
  for (const finding of fired('ncci-pair')) {
    const bypassable = finding.fix.startsWith('If ');
    const gait = chargeIdsOf(finding)
      .map((id) => byId.get(id))
      .filter((line): line is ClaimLine => line?.code === GAIT_CODE);
    for (const line of gait) {
      if (!line.after) continue;
      if (!bypassable) {
        note(
          line,
          `Drop ${describe(line.code, line.after.units, line.after.modifiers)}: ${finding.message}`,
          ['ncci-pair'],
        );
        line.after = undefined;
      } else if (groupInDoubt) {
        line.query = true;
        if (!resolved.some((r) => r.startsWith('Group session and NCCI')))
          resolved.push(
            'Group session and NCCI: a 59 on 97116 asserts separate one-on-one time, which the group wording puts in doubt; no 59 until the therapist answers the group question.',
          );
      } else if (!line.after.modifiers.some((m) => m === '59' || m.startsWith('X'))) {
        line.after.modifiers = [...line.after.modifiers, '59'];
        note(
          line,
          `${line.code}: add 59 (or XU) only if gait training ran in its own, non-overlapping time; otherwise drop it`,
          ['ncci-pair'],
        );
      }
    }
  }

  // The therapist's findings hold their lines (every 97116 line when a finding names none).
  const therapist: RecommendedClaim['therapist'] = [];
  for (const finding of findings) {
    if (!isTherapistFinding(finding)) continue;
    let ids = chargeIdsOf(finding).filter((id) => byId.has(id));
    if (ids.length === 0)
      ids = lines.filter((line) => line.code === GAIT_CODE && line.lineId).map((line) => line.lineId ?? '');
    for (const id of ids) {
      const line = byId.get(id);
      if (line) line.query = true;
    }
    therapist.push({ rule: finding.rule, message: finding.message, lineIds: ids });
  }
  if (unsettled) for (const line of lines) if (line.after && isTimedCode(line.code)) line.query = true;

  return { lines, changes, resolved, therapist, settled: unsettled === undefined, unsettled };
}
