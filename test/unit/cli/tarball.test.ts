/**
 * The packed package as a user gets it: `npm pack` (which bundles dist/cli/gaitguard.mjs through prepack),
 * installed into a fresh project in a temporary directory, then run through npx and from another directory.
 *
 * The install is offline, so the test does not depend on the registry: the project's lock file is made from
 * this repository's package-lock.json (the package's non-dev entries, with their integrity hashes), and
 * `npm ci --offline` takes their tarballs from npm's cache, where `npm ci` of this repository put them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCOUNTER, NOTE, encounterLine } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
};
type LockEntry = { dev?: boolean; devOptional?: boolean };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

let work = '';
let project = '';
let tarball = '';

function npm(args: string[], cwd: string, input?: string) {
  return spawnSync('npm', args, { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'gaitguard-tarball-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  tarball = path.join(work, packed.trim().split('\n').at(-1) ?? '');
  project = path.join(work, 'project');
  mkdirSync(project);
  const spec = `file:${path.relative(project, tarball)}`;
  const packages: Record<string, unknown> = {
    '': { name: 'coder-tools', dependencies: { gaitguard: spec } },
    'node_modules/gaitguard': {
      version: pkg.version,
      resolved: spec,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages))
    if (key !== '' && !entry.dev && !entry.devOptional) packages[key] = entry;
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'coder-tools', private: true, dependencies: { gaitguard: spec } }),
  );
  writeFileSync(
    path.join(project, 'package-lock.json'),
    JSON.stringify({ name: 'coder-tools', lockfileVersion: 3, requires: true, packages }),
  );
  const install = npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
  if (install.status !== 0) throw new Error(`npm ci --offline failed:\n${install.stderr}`);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed gaitguard command', () => {
  it('ships the bundle, the schemas and the changelog, and no sources or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toContain('package/dist/cli/gaitguard.mjs');
    expect(files).toContain('package/schemas/encounter.schema.json');
    expect(files.filter((f) => /\/(src|test|bench)\/|\.map$|\.ts$/.test(f))).toEqual([]);
    const bundle = readFileSync(path.join(project, 'node_modules/gaitguard/dist/cli/gaitguard.mjs'), 'utf8');
    expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Every package the bundle still imports is one the install brings.
    const imported = new Set(
      [...bundle.matchAll(/\bfrom\s*"([^".][^"]*)"|import\(\s*"([^".][^"]*)"\s*\)/g)]
        .map((m) => (m[1] ?? m[2] ?? '').split('/')[0] ?? '')
        .filter((name) => !name.startsWith('node:')),
    );
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(readdirSync(path.join(project, 'node_modules'))).toEqual(
      expect.arrayContaining(['gaitguard', ...Object.keys(pkg.dependencies)]),
    );
  });

  it('npx gaitguard --help and --version', () => {
    const help = npm(['exec', '--offline', '--', 'gaitguard', '--help'], project);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const version = npm(['exec', '--offline', '--', 'gaitguard', '--version'], project);
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });

  it('checks a note from stdin', () => {
    const run = npm(
      ['exec', '--offline', '--', 'gaitguard', 'check', '--format=json', '--charges=97116:3:GP', '-'],
      project,
      readFileSync(NOTE, 'utf8'),
    );
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as { schemaVersion: number; findings: { rule: string }[] };
    expect(out.schemaVersion).toBe(1);
    expect(out.findings.map((f) => f.rule)).toEqual(['units-exceed-minutes']);
  });

  it('audits with --fail-on error (exit 1) across two worker threads', () => {
    const lines = [encounterLine(), encounterLine((e) => ((e.charges as { units: number }[])[0]!.units = 4))];
    const file = path.join(project, 'month.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = npm(
      ['exec', '--offline', '--', 'gaitguard', 'audit', '--fail-on', 'error', '--jobs', '2', 'month.ndjson'],
      project,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^2 encounters: 1 with errors, 2 with warnings or worse/);
    expect(run.status).toBe(1);
  });

  it('reads relative paths from the directory it is run in, and HTML through jsdom', () => {
    const visits = path.join(work, 'visits', 'today');
    mkdirSync(visits, { recursive: true });
    writeFileSync(path.join(visits, 'visit.json'), readFileSync(ENCOUNTER));
    writeFileSync(
      path.join(visits, 'page.html'),
      '<form><label for="o">Objective</label><textarea id="o">Gait training (97116): 20 min, amb 150 ft with FWW, CGA, VC for step length.</textarea></form>',
    );
    const bin = path.join(project, 'node_modules/.bin/gaitguard');
    const json = spawnSync(bin, ['--json', 'visit.json'], { cwd: visits, encoding: 'utf8' });
    expect(json.stderr).toBe('');
    expect(json.stdout).toContain('cq-modifier-missing');
    const html = spawnSync(bin, ['--json', '--charges', '97116:3:GP', 'page.html'], {
      cwd: visits,
      encoding: 'utf8',
    });
    expect(html.stderr).toBe('');
    expect(html.stdout).toContain('"noteId":"page.html:');
    const missing = spawnSync(bin, ['visit.json'], { cwd: work, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('gaitguard: visit.json: cannot read (ENOENT)\n');
  });
});
