import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/check';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const NOTE = path.join(FIXTURES, 'notes/gait-20min.txt');
const ENCOUNTER = path.join(FIXTURES, 'encounters/medicare-pta.json');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'gaitguard-cli-'));
function tmpFile(name: string, content: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

describe('check: human and JSON output', () => {
  it('groups findings by severity and exits 1 when there is an error', async () => {
    const { code, stdout } = await cli('--charges', '97116:3', NOTE);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Errors \(1\)/);
    expect(stdout).toContain('Warnings (1)');
    expect(stdout).toContain('[gp-modifier-missing]');
    expect(stdout).not.toContain('\x1b[');
  });
  it('prints the findings as JSON with the documented keys', async () => {
    const { code, stdout } = await cli('--json', '--charges', '97116:1:GP', NOTE);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { findings: unknown[] };
    expect(parsed.findings).toEqual([]);
    const over = JSON.parse((await cli('--json', '--charges', '97116:3:GP', NOTE)).stdout) as {
      findings: Record<string, unknown>[];
    };
    expect(Object.keys(over.findings[0] ?? {})).toEqual([
      'rule',
      'severity',
      'message',
      'explanation',
      'evidence',
      'fix',
      'source',
    ]);
  });
  it('--payer commercial uses per-code and leaves out GP and CQ', async () => {
    const { stdout } = await cli('--json', '--payer', 'commercial', ENCOUNTER);
    const rules = (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules).not.toContain('cq-modifier-missing');
    const medicare = (JSON.parse((await cli('--json', ENCOUNTER)).stdout) as { findings: { rule: string }[] })
      .findings;
    expect(medicare.map((f) => f.rule)).toContain('cq-modifier-missing');
  });
  it('--method overrides the payer default', async () => {
    const note = tmpFile(
      'two.txt',
      'O: Gait training 8 min, amb 100 ft with RW, SBA, VC for step length. Ther ex 8 min.',
    );
    const cms = await cli('--json', '--charges', '97116:1:GP,97110:1:GP', note);
    expect(cms.stdout).toContain('units-exceed-minutes');
    const perCode = await cli('--json', '--method', 'per-code', '--charges', '97116:1:GP,97110:1:GP', note);
    expect(perCode.stdout).not.toContain('units-exceed-minutes');
  });
  it('adds charge lines from files and from --charges', async () => {
    const { stdout } = await cli('--json', '--charges', '97116:3:GP', ENCOUNTER);
    expect(stdout).toContain('units-over-mue');
  });
});

describe('check audit', () => {
  it('streams encounters and prints a summary by rule, with progress only when stderr is a terminal', async () => {
    const encounter = readFileSync(ENCOUNTER, 'utf8').replace(/\s*\n\s*/g, ' ');
    const file = tmpFile('batch.ndjson', `${encounter}\n\n${encounter}\n`);
    const piped = await cli('audit', '--jobs', '1', '--fail-on', 'error', file);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^2 encounters: 0 with errors, 2 with warnings or worse/);
    expect(piped.stdout).toMatch(/cq-modifier-missing\s+2 encounters/);
    expect(piped.stderr).toBe('');
    let stderr = '';
    const io = {
      stdout: () => undefined,
      stderr: (t: string) => (stderr += t),
      color: false,
      progress: true,
    };
    await main(['audit', '--jobs', '1', file], io);
    expect(stderr).toContain('\r2 encounters checked\n');
  });
  it('reads CRLF lines, a last line without a newline, and lines that cross the 1 MB read chunks', async () => {
    const encounter = readFileSync(ENCOUNTER, 'utf8').replace(/\s*\n\s*/g, ' ');
    // About 2.6 MB: lines straddle both chunk boundaries.
    const count = Math.ceil(2_600_000 / (encounter.length + 2));
    const body = Array.from({ length: count }, () => encounter).join('\r\n');
    const file = tmpFile('crlf.ndjson', body);
    const { code, stdout } = await cli('--json', 'audit', '--jobs', '1', file);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { encounters: number }).encounters).toBe(count);
    const broken = tmpFile('late-bad.ndjson', `${body}\r\n{"payer": \r\n`);
    const bad = await cli('audit', '--jobs', '1', broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`line ${count + 1} is not valid JSON`));
  });
  it('names the bad line', async () => {
    const file = tmpFile('bad.ndjson', '{"payer":{}}\n');
    const { code, stdout, stderr } = await cli('audit', '--jobs', '1', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^gaitguard: .*line 1 is not an encounter/);
  });
});

describe('check: bad input', () => {
  it.each([
    ['a missing file', [path.join(tmp, 'nope.txt')], /cannot read \(ENOENT\)/],
    ['malformed JSON', [tmpFile('bad.json', '{"payer": ')], /malformed JSON/],
    ['JSON that is not an encounter', [tmpFile('wrong.json', '{"notes": 3}')], /not an encounter/],
    [
      'an invalid charge list',
      ['--charges', '97116:x', NOTE],
      /invalid --charges: .*units must be a whole number/,
    ],
    ['an unknown payer', ['--payer', 'aetna', NOTE], /--payer must be medicare or commercial/],
    ['an unsupported file type', [tmpFile('note.pdf', 'x')], /unsupported file type/],
    ['no file', ['--json'], /no input file/],
    ['an unknown option', ['--colour', NOTE], /Unknown option '--colour'/],
    ['a value missing', [NOTE, '--payer'], /--payer/],
    ['an unknown format', ['--format', 'xml', NOTE], /--format must be text or json or ndjson/],
    ['an unknown --fail-on', ['--fail-on', 'info', NOTE], /--fail-on must be error or warning or none/],
    ['--jobs that is not a count', ['audit', '--jobs', '0', NOTE], /--jobs must be a whole number/],
    ['--jobs with check', ['--jobs', '2', NOTE], /--jobs applies to audit/],
    ['stdin twice', ['-', '-'], /stdin \(-\) can be read once/],
  ])('%s gives a one-line error and exit 2', async (_, argv, pattern) => {
    const { code, stdout, stderr } = await cli(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(pattern);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('check: HTML pages through the page reader', () => {
  it('reads a note textarea and a fee sheet in two pages as one encounter', async () => {
    const note = tmpFile(
      'soap.html',
      '<html><body><form><label for="o">Objective</label><textarea id="o" name="objective">Gait training (97116): 20 min, amb 150 ft with FWW, CGA, VC for step length.</textarea></form></body></html>',
    );
    const { stdout, stderr } = await cli('--json', '--charges', '97116:3:GP', note);
    expect(stderr).toBe('');
    const findings = (JSON.parse(stdout) as { findings: { rule: string; evidence: { noteId?: string }[] }[] })
      .findings;
    const exceed = findings.find((f) => f.rule === 'units-exceed-minutes');
    expect(exceed?.evidence.some((e) => e.noteId?.startsWith('soap.html:'))).toBe(true);
  });
});
