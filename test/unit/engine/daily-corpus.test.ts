/**
 * Runs the engine on every note of the daily-note corpus and compares each rule's verdict with the one
 * written in the note's front-matter before the engine was run. Prints a per-rule score table (TP/FP/FN).
 *
 * Strict for every note: a clean note raises nothing at warning or error severity, an over-billed note gets
 * units-exceed-minutes as an error, and every rule gives the written verdict. OPEN lists the notes whose
 * failure class is not fixed yet; each of them must still fail (so the list cannot go stale), and the list
 * only shrinks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeEncounter } from '../../../src/engine/index';
import type { RuleId } from '../../../src/engine/model';
import { RULE_IDS } from '../../../src/engine/model';
import type { DailyNote, Verdict } from './daily-corpus';
import { dailyNotes, encounterOf, formatScoreTable, scoreTable, verdictsOf } from './daily-corpus';

/** Notes whose failure class is still open, with the class. */
const OPEN: Readonly<Record<string, string>> = {};

const notes = dailyNotes();
const results = notes.map((note) => ({ note, findings: analyzeEncounter(encounterOf(note)) }));
const scored = results.map(({ note, findings }) => ({ note, actual: verdictsOf(findings) }));

function problems(note: DailyNote, actual: Record<RuleId, Verdict>): string[] {
  const found: string[] = [];
  for (const rule of RULE_IDS) {
    if (note.expect[rule] !== actual[rule])
      found.push(`${rule}: want ${note.expect[rule]}, got ${actual[rule]}`);
  }
  if (note.clean) {
    for (const rule of RULE_IDS)
      if (actual[rule] === 'warning' || actual[rule] === 'error')
        found.push(`false alarm on a clean note: ${rule} ${actual[rule]}`);
  }
  if (note.overbilled && actual['units-exceed-minutes'] !== 'error') found.push('missed over-billing');
  return found;
}

describe('daily-note corpus', () => {
  afterAll(() => {
    process.stdout.write(formatScoreTable(scoreTable(scored), notes.length));
  });

  it('has at least 40 notes, clean and over-billed ones among them, in every style', () => {
    expect(notes.length).toBeGreaterThanOrEqual(40);
    expect(notes.filter((n) => n.clean).length).toBeGreaterThanOrEqual(15);
    expect(notes.filter((n) => n.overbilled).length).toBeGreaterThanOrEqual(5);
    expect(new Set(notes.map((n) => n.style))).toEqual(
      new Set(['webpt', 'epic', 'openemr', 'terse', 'dictation', 'snf', 'home-health']),
    );
  });

  it('lists only notes of the corpus as open', () => {
    const ids = new Set(notes.map((n) => n.id));
    expect(Object.keys(OPEN).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(scored.map(({ note, actual }) => [note.id, note, actual] as const))('%s', (id, note, actual) => {
    const found = problems(note, actual);
    if (OPEN[id] !== undefined) expect(found, `${id} is listed as open but passes`).not.toEqual([]);
    else expect(found).toEqual([]);
  });
});
