/**
 * Engine benchmark for `npm run bench` (bench/run.ts imports benchEngine) and for `npx tsx bench/engine.ts`,
 * which prints the JSON. Timings live here, never in vitest.
 *
 * - engine_typical_ms: median of single analyzeEncounter calls on the ~3 KB daily note with four charge
 *   lines (bench/fixtures/notes.ts), after warm-up.
 * - engine_1mb_ms: median of 7 runs on a ~1 MB note built from varied realistic paragraphs.
 * - engine_scan_ratio: typical engine time ÷ one plain /gait/gi matchAll pass over the same text.
 * - engine_encounters_per_s: the CLI's own audit path on one core, in-process
 *   (main(['--json', '--fail-on', 'none', 'audit', '--jobs', '1', file])), over a generated NDJSON of 2,000 encounters: file reading, JSON and schema parsing, analysis and the summary;
 *   the steady state of a long audit (see auditThroughput).
 * - audit_first_pass_per_s: the same, for the first pass over the file (unbudgeted).
 * - audit_loop_ns_per_char: the machine's speed around the measured passes (a plain character loop, taken
 *   just before and just after them), so that a slow figure can be told from a slow machine.
 * - naive_ratio / naive_agreement: a keyword matcher for four language rules, timed over the 29 corpus
 *   notes (each with charge 97116:2:GP) and the trap notes of test/unit/engine/traps.ts; agreement is the
 *   share of (note, rule) decisions where it says the same as the engine.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/check';
import { analyzeEncounter } from '../src/engine/index';
import type { Encounter } from '../src/engine/model';
import { CORPUS_DIR } from '../test/corpus-dir';
import { LANGUAGE_RULES, TRAPS } from '../test/unit/engine/traps';
import type { LanguageRule } from '../test/unit/engine/traps';
import { TYPICAL_CHARGES, TYPICAL_NOTE, benchEncounter, longNote } from './fixtures/notes';
import { loopNsPerChar, median, round } from './stats';

export interface EngineBench {
  engine_typical_ms: number;
  engine_1mb_ms: number;
  engine_scan_ratio: number;
  engine_encounters_per_s: number;
  audit_first_pass_per_s: number;
  audit_loop_ns_per_char: number;
  naive_ratio: number;
  naive_agreement: number;
}

const CORPUS = CORPUS_DIR;

/** Results are folded into this so the JIT cannot drop a call whose result is unused. */
let sink = 0;

const AUDIT_WARMUP_PASSES = 4;
const AUDIT_MEASURED_PASSES = 7;

function timeCalls(fn: () => number, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) sink += fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Median time of one call of a very fast function, measured in batches so the timer's grain does not count. */
function timeFast(fn: () => number, batch: number, batches: number): number {
  for (let i = 0; i < batch; i++) sink += fn();
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) sink += fn();
    times.push((performance.now() - t0) / batch);
  }
  return median(times);
}

function plainScan(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/gait/gi)) count++;
  return count;
}

/** Varies the typical note per encounter (minutes, distances, one sentence) so the NDJSON is not one line repeated. */
export function auditLine(i: number): string {
  const gait = 23 + (i % 15);
  const note = TYPICAL_NOTE.replace('Gait training (97116): 30 min', `Gait training (97116): ${gait} min`)
    .replace('Amb 150 ft x3', `Amb ${100 + (i % 9) * 10} ft x3`)
    .replace(
      'Good\nrehab potential for the stated goals.',
      i % 5 === 0 ? 'Pt has plateaued in\ngait speed.' : 'Good\nrehab potential for the stated goals.',
    );
  const encounter = benchEncounter(note, i % 7 === 0 ? '97116:3,97110:1:GP' : TYPICAL_CHARGES, `n${i}`);
  return JSON.stringify(encounter);
}

/**
 * The audit's first pass over the file, with the JIT's first steps on the audit path (the engine's note scan
 * is already warm from the figures before it), and its steady state.
 * V8 keeps optimising the per-encounter functions (rule checks, evidence builders) for the first 8,000 or so
 * encounters: with --trace-opt, compilations and deopts still come in the third to fifth passes of 2,000.
 * A long audit spends nearly all its time past that point, so the steady figure warms up for four passes and
 * then takes the median of seven.
 */
async function auditThroughput(
  count: number,
): Promise<{ firstPass: number; steady: number; loopNsPerChar: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gaitguard-bench-'));
  try {
    const file = path.join(dir, 'encounters.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(auditLine(i));
    writeFileSync(file, `${lines.join('\n')}\n`);
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: () => undefined, color: false };
    const rates: number[] = [];
    const loops: number[] = [];
    for (let pass = 0; pass < AUDIT_WARMUP_PASSES + AUDIT_MEASURED_PASSES; pass++) {
      if (pass === AUDIT_WARMUP_PASSES) loops.push(loopNsPerChar());
      out = '';
      const t0 = performance.now();
      const code = await main(['--json', '--fail-on', 'none', 'audit', '--jobs', '1', file], io);
      const seconds = (performance.now() - t0) / 1000;
      const summary = JSON.parse(out) as { encounters: number };
      if (code !== 0 || summary.encounters !== count) throw new Error(`audit checked ${summary.encounters}`);
      rates.push(count / seconds);
    }
    loops.push(loopNsPerChar());
    return {
      firstPass: rates[0] ?? 0,
      steady: median(rates.slice(AUDIT_WARMUP_PASSES)),
      loopNsPerChar: median(loops),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The keyword matcher an engine is usually compared with: a rule fires when its words appear anywhere. */
export function naiveRules(text: string): Set<LanguageRule> {
  const lower = text.toLowerCase();
  const fired = new Set<LanguageRule>();
  if (lower.includes('ambulat') && /endurance|hallway|laps/.test(lower)) fired.add('repetitive-walking');
  if (/plateau|not expected to improve|poor potential/.test(lower)) fired.add('no-improvement-expected');
  if (lower.includes('group')) fired.add('group-session');
  if (/motion analysis|kinematic/.test(lower)) fired.add('motion-analysis');
  return fired;
}

function engineRules(encounter: Encounter): Set<string> {
  return new Set(analyzeEncounter(encounter).map((f) => f.rule));
}

function naiveComparison(): { ratio: number; agreement: number } {
  const notes = [
    ...readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(CORPUS, f), 'utf8')),
    ...TRAPS.map((t) => t.note),
  ];
  const encounters = notes.map((text, i) => benchEncounter(text, '97116:2:GP', `n${i}`));
  let agree = 0;
  let total = 0;
  for (const [i, encounter] of encounters.entries()) {
    const engine = engineRules(encounter);
    const naive = naiveRules(notes[i] ?? '');
    for (const rule of LANGUAGE_RULES) {
      total++;
      if (engine.has(rule) === naive.has(rule)) agree++;
    }
  }
  const engineMs = median(
    timeCalls(() => encounters.reduce((n, e) => n + analyzeEncounter(e).length, 0), 20, 60),
  );
  const naiveMs = median(timeCalls(() => notes.reduce((n, t) => n + naiveRules(t).size, 0), 20, 60));
  return { ratio: naiveMs / engineMs, agreement: agree / total };
}

export async function benchEngine(): Promise<EngineBench> {
  const typicalEncounter = benchEncounter(TYPICAL_NOTE);
  const typical = median(timeCalls(() => analyzeEncounter(typicalEncounter).length, 2000, 5000));
  const scan = timeFast(() => plainScan(TYPICAL_NOTE), 2000, 50);

  const big = benchEncounter(longNote(1_000_000));
  const oneMb = median(timeCalls(() => analyzeEncounter(big).length, 2, 7));

  const audit = await auditThroughput(2000);
  const naive = naiveComparison();
  if (sink === -1) console.error('unreachable');
  return {
    engine_typical_ms: round(typical, 4),
    engine_1mb_ms: round(oneMb, 2),
    engine_scan_ratio: round(typical / scan, 1),
    engine_encounters_per_s: Math.round(audit.steady),
    audit_first_pass_per_s: Math.round(audit.firstPass),
    audit_loop_ns_per_char: round(audit.loopNsPerChar, 2),
    naive_ratio: round(naive.ratio, 4),
    naive_agreement: round(naive.agreement, 3),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  void benchEngine().then((result) => {
    console.log(JSON.stringify(result, null, 2));
  });
}
