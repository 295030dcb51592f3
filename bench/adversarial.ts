/**
 * Issue 6: the engine's patterns on hostile 1 MB notes (long runs without the terminators a pattern waits
 * for) must stay linear. The figure is the slowest median over the inputs.
 */
import { analyzeEncounter } from '../src/engine/index';
import { benchEncounter } from './fixtures/notes';
import { median } from './stats';

const MB = 1_000_000;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
}

/** Each input aims at a pattern family: whitespace runs, number runs, words without ends, near-misses. */
export const ADVERSARIAL_INPUTS: ReadonlyArray<readonly [string, () => string]> = [
  ['spaces', () => fill(' ')],
  ['tabs and newlines', () => fill(' \t\n')],
  ['digits', () => fill('9')],
  ["letter 'a'", () => fill('a')],
  ['gait training, no terminator', () => fill('gait training ')],
  ['minutes without a number', () => fill('min ')],
  ['numbers without units', () => fill('97116 23 ')],
  ['colons and parentheses', () => fill('(97116): ')],
  ['time in without time out', () => fill('Time in 9:05 ')],
  ['skilled words, no sentence end', () => fill('verbal cues for gait with CGA ')],
];

export function benchAdversarial(runs = 3): { adversarial_1mb_ms: number; adversarial_worst: string } {
  let worst = 0;
  let worstName = '';
  // Warm-up on a small input so the first 1 MB run does not pay for compiling the engine.
  analyzeEncounter(benchEncounter('Gait training (97116): 23 min with CGA.'));
  for (const [name, make] of ADVERSARIAL_INPUTS) {
    const encounter = benchEncounter(make());
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      analyzeEncounter(encounter);
      times.push(performance.now() - started);
    }
    const time = median(times);
    if (time > worst) {
      worst = time;
      worstName = name;
    }
  }
  return { adversarial_1mb_ms: worst, adversarial_worst: worstName };
}
