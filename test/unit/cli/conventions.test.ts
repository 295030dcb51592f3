import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CheckLineSchema, CheckOutputSchema, SCHEMA_VERSION } from '../../../src/cli/output';
import { callerDirectory, colorWanted } from '../../../src/cli/terminal';
import { ENCOUNTER, NOTE, run, tmpDir } from './helpers';

const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  version: string;
};

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['check', '--help'], ['audit', '-h', 'x.ndjson']])(
    '%s prints the help with examples and exit codes on stdout, exit 0',
    async (...argv) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^gaitguard: /);
      expect(stdout).toContain('Examples:');
      expect(stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 /);
    },
  );
  it.each([['--version'], ['-v']])('%s prints the package version', async (flag) => {
    const { code, stdout } = await run([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${pkg.version}\n`);
  });
});

describe('option values', () => {
  it('takes --opt=value as --opt value', async () => {
    const spaced = await run(['--format', 'json', '--payer', 'commercial', '--charges', '97116:3:GP', NOTE]);
    const joined = await run(['--format=json', '--payer=commercial', '--charges=97116:3:GP', NOTE]);
    expect(joined).toEqual(spaced);
    expect(joined.stdout).toContain('per-code method');
  });
  it('adds every --charges list, and reads a file named like an option after --', async () => {
    const { dir, file } = tmpDir();
    file('--odd.txt', readFileSync(NOTE, 'utf8'));
    const { code, stdout } = await run(
      ['--json', '--charges', '97116:3', '--charges', '97110:1:GP', '--', '--odd.txt'],
      { cwd: dir },
    );
    expect(code).toBe(1);
    const rules = (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules).toContain('units-exceed-minutes');
    expect(rules).toContain('gp-modifier-missing');
  });
});

describe('input from stdin and relative paths', () => {
  it('reads a note from - and names it stdin in the evidence', async () => {
    const { code, stdout } = await run(['--json', '--charges', '97116:3:GP', '-'], {
      input: readFileSync(NOTE, 'utf8'),
    });
    expect(code).toBe(1);
    expect(stdout).toContain('"noteId":"stdin"');
  });
  it('reads an encounter (JSON) and a page (HTML) from - by their first character', async () => {
    const json = await run(['--json', '-'], { input: `\n  ${readFileSync(ENCOUNTER, 'utf8')}` });
    expect(json.stdout).toContain('cq-modifier-missing');
    const html = await run(['--json', '--charges', '97116:3:GP', '-'], {
      input:
        '<!doctype html><form><label for="o">Objective</label><textarea id="o">Gait training (97116): 20 min, amb 150 ft with FWW, CGA, VC for step length. Ü</textarea></form>',
    });
    expect(html.stderr).toBe('');
    expect(html.stdout).toContain('units-exceed-minutes');
  });
  it.each([[''], [' \n\t\n']])('an empty stdin (%j) is an error, not an all-clear', async (input) => {
    const { code, stdout, stderr } = await run(['-', '--charges', '97116:1:GP'], { input });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('gaitguard: stdin is empty: nothing to check\n');
  });
  it.each([
    ['a page without a note or a fee sheet', 'page.html', '<html><body><p>Schedule</p></body></html>'],
    ['a blank note', 'blank.txt', '\n \n'],
  ])('%s is an error, not an all-clear', async (_, name, content) => {
    const { dir, file } = tmpDir();
    file(name, content);
    const { code, stdout, stderr } = await run([name], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'gaitguard: nothing to check: no note text and no charge lines were found in the input\n',
    );
  });
  it('reads relative paths from the caller directory, not the process directory', async () => {
    const { dir, file } = tmpDir();
    file('visit.txt', readFileSync(NOTE, 'utf8'));
    const here = await run(['--json', '--charges', '97116:3:GP', 'visit.txt'], { cwd: dir });
    expect(here.code).toBe(1);
    const elsewhere = await run(['--json', 'visit.txt'], { cwd: path.dirname(dir) });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toBe('gaitguard: visit.txt: cannot read (ENOENT)\n');
  });
  it('uses INIT_CWD only when npm runs this package, from its root', () => {
    const npm = {
      npm_lifecycle_event: 'check',
      npm_package_name: 'gaitguard',
      npm_package_json: '/repo/package.json',
      INIT_CWD: '/home/coder',
    };
    expect(callerDirectory(npm, '/repo')).toBe('/home/coder');
    // Another project's script: its paths are written relative to its own root.
    const other = { ...npm, npm_package_name: 'billing-scripts' };
    expect(callerDirectory(other, '/repo')).toBe('/repo');
    // A process the script started elsewhere inherits INIT_CWD, which is not its caller's directory.
    expect(callerDirectory(npm, '/tmp/visits')).toBe('/tmp/visits');
    expect(callerDirectory({ INIT_CWD: '/home/coder' }, '/elsewhere')).toBe('/elsewhere');
  });
});

describe('colour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '3', NO_COLOR: '1' }, false, true],
    [{ TERM: 'dumb' }, true, false],
  ])('%o with a terminal=%s: colour %s', (env, tty, expected) => {
    expect(colorWanted(env, tty)).toBe(expected);
  });
  it('paints severities only when asked', async () => {
    const painted = await run(['--charges', '97116:3', NOTE], { color: true });
    expect(painted.stdout).toContain('\x1b[31mErrors (1)\x1b[0m');
    expect((await run(['--charges', '97116:3', NOTE])).stdout).not.toContain('\x1b[');
  });
});

describe('--fail-on and exit codes', () => {
  // The note supports 1 unit: 3 units is an error; 1 unit without GP is only a warning.
  it.each([
    [['--charges', '97116:3:GP'], 'error', 1],
    [['--charges', '97116:1'], 'error', 0],
    [['--charges', '97116:1'], 'warning', 1],
    [['--charges', '97116:1:GP'], 'warning', 0],
    [['--charges', '97116:3:GP'], 'none', 0],
  ])('%s with --fail-on %s exits %i', async (charges, failOn, expected) => {
    expect((await run([...charges, '--fail-on', failOn, NOTE])).code).toBe(expected);
  });
});

describe('formats', () => {
  it('json carries schemaVersion and parses with the published output schema', async () => {
    const { stdout } = await run(['--format', 'json', '--charges', '97116:3', NOTE]);
    const out = z.parse(CheckOutputSchema, JSON.parse(stdout));
    expect(out.schemaVersion).toBe(SCHEMA_VERSION);
    expect(out.findings.map((f) => f.rule).sort()).toEqual(['gp-modifier-missing', 'units-exceed-minutes']);
  });
  it('ndjson prints one finding per line, and nothing when there is none', async () => {
    const { stdout } = await run(['--format', 'ndjson', '--charges', '97116:3', NOTE]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(z.parse(CheckLineSchema, JSON.parse(line)).schemaVersion).toBe(1);
    expect((await run(['--format', 'ndjson', '--charges', '97116:1:GP', NOTE])).stdout).toBe('');
  });
  it('--json and a different --format is a usage error', async () => {
    const { code, stderr } = await run(['--json', '--format', 'text', NOTE]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--json and --format text disagree/);
  });
});
