/**
 * audit_jobs_speedup for `npm run bench`: the installed command (dist/cli/gaitguard.mjs, as `npx gaitguard`
 * runs it) auditing the same NDJSON of varied encounters with --jobs 1 and with --jobs 2, each as its own
 * process, start-up included. Runs alternate (1, 2, 1, 2, ...) so a change in the machine's load falls on
 * both; the figure is the ratio of the medians. Also reports the two rates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditLine } from './engine';
import { median } from './stats';

const ENCOUNTERS = 30_000;
const RUNS = 3;

export interface AuditJobsBench {
  audit_jobs1_per_s: number;
  audit_jobs2_per_s: number;
  audit_jobs_speedup: number;
}

function timeAudit(cli: string, file: string, jobs: number): number {
  const t0 = performance.now();
  const result = spawnSync(
    process.execPath,
    [cli, 'audit', '--json', '--fail-on', 'none', '--jobs', String(jobs), file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0) throw new Error(`audit --jobs ${jobs} failed: ${result.stderr}`);
  const { encounters } = JSON.parse(result.stdout) as { encounters: number };
  if (encounters !== ENCOUNTERS) throw new Error(`audit --jobs ${jobs} checked ${encounters}`);
  return seconds;
}

export function benchAuditJobs(cli: string): AuditJobsBench {
  const dir = mkdtempSync(path.join(tmpdir(), 'gaitguard-bench-jobs-'));
  try {
    const file = path.join(dir, 'encounters.ndjson');
    writeFileSync(file, `${Array.from({ length: ENCOUNTERS }, (_, i) => auditLine(i)).join('\n')}\n`);
    timeAudit(cli, file, 1); // the file into the page cache, the bundle into the compile cache
    const one: number[] = [];
    const two: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      one.push(timeAudit(cli, file, 1));
      two.push(timeAudit(cli, file, 2));
    }
    return {
      audit_jobs1_per_s: ENCOUNTERS / median(one),
      audit_jobs2_per_s: ENCOUNTERS / median(two),
      audit_jobs_speedup: median(one) / median(two),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
