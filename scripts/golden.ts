/**
 * `npm run golden`: the findings of the golden set's 16,639 encounters (the corpus, the fixtures, the traps,
 * bench and adversarial notes, the recorded test notes, in several cases, spacings, charge sets and payers)
 * against those recorded in test/unit/engine/golden-findings.json. Prints each encounter whose findings
 * changed, with the findings before and after, and exits 1. `npm run golden -- --update` records the
 * current findings: do that on purpose, for an intended change, and say so in the commit.
 * Not part of `npm test`: an intended change of a rule changes many of these at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { analyzeEncounter } from '../src/engine/index';
import type { Finding } from '../src/engine/model';
import { GOLDEN_FILE, goldenCases } from '../test/unit/engine/golden';

interface Recorded {
  /** A hash of the case keys, in order: the recorded results belong to this exact list of encounters. */
  keys: string;
  /** Each distinct finding, as one readable line. */
  findings: string[];
  /** Per encounter, in order, its findings as indices into `findings`. */
  results: number[][];
}

const SHOWN = 40;

function line(f: Finding): string {
  const where = f.evidence.map((e) => (e.kind === 'note' ? `${e.noteId}@${e.start}-${e.end}` : e.chargeId));
  return `${f.rule} [${f.severity}] ${f.message} | fix: ${f.fix} | evidence: ${where.join(' ')}`;
}

const cases = goldenCases();
const keys = createHash('sha256')
  .update(cases.map((c) => c.key).join('\n'))
  .digest('base64url');
const current = cases.map((c) => analyzeEncounter(c.encounter, c.options).map(line));

if (process.argv.includes('--update')) {
  const findings = [...new Set(current.flat())].sort();
  const index = new Map(findings.map((f, i) => [f, i]));
  const results = current.map((lines) => lines.map((l) => index.get(l) ?? -1));
  const recorded: Recorded = { keys, findings, results };
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(recorded)}\n`);
  process.stdout.write(`${cases.length} encounters recorded in ${GOLDEN_FILE}\n`);
  process.exit(0);
}

if (!existsSync(GOLDEN_FILE)) {
  process.stderr.write(`${GOLDEN_FILE} is missing: run npm run golden -- --update\n`);
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Recorded;
if (recorded.keys !== keys || recorded.results.length !== cases.length) {
  process.stderr.write(
    'The golden encounters are not the recorded ones (inputs changed): record them again.\n',
  );
  process.exit(2);
}
let changed = 0;
cases.forEach((c, i) => {
  const before = (recorded.results[i] ?? []).map((j) => recorded.findings[j] ?? '?');
  const after = current[i] ?? [];
  if (before.join('\n') === after.join('\n')) return;
  changed++;
  if (changed > SHOWN) return;
  process.stdout.write(`\n${c.key}\n`);
  for (const f of before) if (!after.includes(f)) process.stdout.write(`  - ${f}\n`);
  for (const f of after) if (!before.includes(f)) process.stdout.write(`  + ${f}\n`);
  if (before.every((f) => after.includes(f)) && after.every((f) => before.includes(f)))
    process.stdout.write('  (same findings, another order)\n');
});
if (changed === 0) {
  process.stdout.write(`All ${cases.length} golden encounters give the recorded findings.\n`);
  process.exit(0);
}
process.stdout.write(
  `\n${changed} of ${cases.length} encounters changed${changed > SHOWN ? ` (the first ${SHOWN} shown)` : ''}.\n` +
    'If the change is intended: npm run golden -- --update, and say why in the commit.\n',
);
process.exit(1);
