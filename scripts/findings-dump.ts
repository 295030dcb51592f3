/**
 * Prints, one JSON line per encounter, every finding the engine gives on the golden set's inputs (the
 * corpus, the note and encounter fixtures, the traps, the bench and adversarial notes, the recorded test
 * notes) and on the daily-note corpus (test/fixtures/daily-notes, with each note's own charges and payer, as
 * written and in capitals), and for each distinct note set every mention with its context and every minute
 * figure. Run it on two commits and diff the outputs to show that a refactor left behaviour unchanged:
 *   npx tsx scripts/findings-dump.ts > /tmp/before.ndjson
 */
import { analyzeEncounter } from '../src/engine/index';
import { analyzeNotes } from '../src/engine/note/analyze';
import { CONCEPT_NAMES as CONCEPTS } from '../src/engine/note/concepts';
import { dailyNotes, encounterOf } from '../test/unit/engine/daily-corpus';
import type { GoldenCase } from '../test/unit/engine/golden';
import { goldenCases } from '../test/unit/engine/golden';

function dailyCases(): GoldenCase[] {
  return dailyNotes().flatMap((note) =>
    (['as-is', 'upper'] as const).map((variant) => ({
      key: `daily/${note.id}|${variant}`,
      encounter: encounterOf(note, variant === 'upper' ? note.text.toUpperCase() : note.text),
      analysisKey: `daily/${note.id}|${variant}`,
    })),
  );
}

const out = process.stdout;
for (const c of [...goldenCases(), ...dailyCases()]) {
  const findings = analyzeEncounter(c.encounter, c.options);
  out.write(`${JSON.stringify({ key: c.key, findings })}\n`);
  if (c.analysisKey === undefined) continue;
  const analysis = analyzeNotes(c.encounter.notes);
  const mentions = Object.fromEntries(
    CONCEPTS.map((concept) => [
      concept,
      analysis.mentions[concept].map((m) => [m.noteId, m.start, m.end, m.match, m.ctx]),
    ]),
  );
  const notes = analysis.notes.map((n) => [n.note.id, n.layout, [...n.gaitSentences]]);
  const { minutes, rows } = analysis;
  out.write(`${JSON.stringify({ analysis: c.analysisKey, mentions, notes, minutes, rows })}\n`);
}
