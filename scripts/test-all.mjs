// `npm test`: every check CI runs, in order, stopping at the first failure, with a closing count line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'gaitguard-test-'));
const steps = [
  ['typecheck', ['npx', 'tsc', '--noEmit']],
  ['typecheck (Medplum test app)', ['npx', 'tsc', '--noEmit', '-p', 'test/e2e/medplum-app/src']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings', '0']],
  ['format', ['npx', 'prettier', '--check', '.', '--log-level', 'warn']],
  [
    'unit',
    [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'unit.json')}`,
    ],
  ],
  ['build', ['node', 'scripts/build.mjs']],
  ['web-ext lint', ['npx', 'web-ext', 'lint', '--source-dir', 'dist/firefox', '--no-config-discovery']],
  [
    'e2e',
    [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'e2e.json')}`,
    ],
  ],
];

let passed = 0;
let failed = 0;
const timings = [];
for (const [name, [command, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const file of ['unit.json', 'e2e.json']) {
    const path = join(reports, file);
    if (name === file.replace('.json', '') && existsSync(path)) {
      const report = JSON.parse(readFileSync(path, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    }
  }
  if (result.status !== 0) {
    console.log(`\n${name} failed (${timings.join(', ')})`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\nAll checks passed (${timings.join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
