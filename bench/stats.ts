/** Small helpers shared by the benchmark parts. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Progress goes to stderr so that `--json` keeps stdout for the one JSON object. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * How fast this machine runs plain script at the moment: nanoseconds per character of a loop that sums the
 * character codes of a 3 KB text. This VM drifts by two to three times within seconds, so a run records it
 * at its start and end, and its figures can be read against it.
 */
export function loopNsPerChar(): number {
  const text = 'Gait training (97116): 23 min. Amb 150 ft x3 with FWW, CGA. '.repeat(50);
  let sum = 0;
  const samples: number[] = [];
  for (let sample = 0; sample < 15; sample++) {
    const started = performance.now();
    for (let pass = 0; pass < 200; pass++) {
      for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    }
    samples.push(((performance.now() - started) * 1e6) / (200 * text.length));
  }
  if (sum < 0) progress('unreachable');
  return median(samples);
}
