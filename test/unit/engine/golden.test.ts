import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, analysisDigest, goldenCases, runCase } from './golden';

interface Golden {
  cases: number;
  keys: string;
  digests: string[];
  analyses: string[];
}

describe('engine golden set (findings recorded before the scanner was optimised)', () => {
  const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;
  const cases = goldenCases();

  it('builds the same encounters as were recorded', () => {
    expect(cases.length).toBe(golden.cases);
    expect(
      createHash('sha256')
        .update(cases.map((c) => c.key).join('\n'))
        .digest('base64url'),
    ).toBe(golden.keys);
  });

  it('reproduces every recorded finding exactly (rules, messages, evidence offsets and quotes)', () => {
    const changed: string[] = [];
    cases.forEach((c, i) => {
      const actual = runCase(c);
      if (actual !== golden.digests[i]) changed.push(`${c.key}: ${golden.digests[i]} -> ${actual}`);
    });
    expect(changed.slice(0, 20)).toEqual([]);
    expect(changed.length).toBe(0);
  }, 300_000);

  it('reproduces every note analysis exactly (each mention, its context, layout and minutes)', () => {
    const analysed = cases.filter((c) => c.analysisKey !== undefined);
    expect(analysed.length).toBe(golden.analyses.length);
    const changed: string[] = [];
    analysed.forEach((c, i) => {
      if (analysisDigest(c) !== golden.analyses[i]) changed.push(c.analysisKey ?? c.key);
    });
    expect(changed.slice(0, 20)).toEqual([]);
    expect(changed.length).toBe(0);
  }, 300_000);
});
