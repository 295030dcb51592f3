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
