import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { emptyTally, mergeTally, summaryOf, auditBatch } from '../../../src/cli/audit-batch';
import { AuditLineSchema, AuditSummarySchema } from '../../../src/cli/output';
import { encounterLine, run, tmpDir } from './helpers';

/** 700 encounters (several batches) that differ in units, payer, modifiers and who treated. */
function variedLines(count = 700): string[] {
  return Array.from({ length: count }, (_, i) =>
    encounterLine((e) => {
      const charge = (e.charges as { units: number; modifiers: string[] }[])[0]!;
      charge.units = 1 + (i % 4);
      if (i % 3 === 0) charge.modifiers = [];
      if (i % 5 === 0) (e.payer as { medicare: boolean; method: string }).medicare = false;
      if (i % 7 === 0) {
        const note = (e.notes as { text: string }[])[0]!;
        note.text = note.text.replace('Treatment provided by PTA.', 'Pt has plateaued; group of 3.');
      }
    }),
  );
}

describe('audit across worker threads', () => {
  const { file } = tmpDir();
  const lines = variedLines();
  const ndjson = file('varied.ndjson', `${lines.join('\n')}\n`);

  it('gives the same summary, byte for byte, with 1 and 2 jobs', async () => {
    const one = await run(['audit', '--json', '--jobs', '1', '--fail-on', 'none', ndjson]);
    expect(one.code).toBe(0);
    const summary = z.parse(AuditSummarySchema, JSON.parse(one.stdout));
    expect(summary.encounters).toBe(700);
    expect(Object.keys(summary.rules).length).toBeGreaterThanOrEqual(4);
    const two = await run(['audit', '--json', '--jobs', '2', '--fail-on', 'none', ndjson]);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints --format ndjson encounters in input order, then the summary', async () => {
    const { stdout } = await run(['audit', '--format', 'ndjson', '--jobs', '2', '--fail-on', 'none', ndjson]);
    const records = stdout
      .trimEnd()
      .split('\n')
      .map((line) => z.parse(AuditLineSchema, JSON.parse(line)));
    expect(records).toHaveLength(701);
    expect(records.slice(0, 700).map((r) => (r.type === 'encounter' ? r.line : 0))).toEqual(
      lines.map((_, i) => i + 1),
    );
    expect(records[700]?.type).toBe('summary');
    const one = await run(['audit', '--format', 'ndjson', '--jobs', '1', '--fail-on', 'none', ndjson]);
    expect(stdout).toBe(one.stdout);
  });

  it('names the first bad line even when a later batch fails first', async () => {
    const bad = [...lines];
    bad[449] = '{"notes": 3}';
    // An early line that takes longer to reach: the first batch is full of valid encounters.
    bad[250] = '{not json';
    const broken = file('two-bad.ndjson', bad.join('\n'));
    for (const jobs of ['1', '2']) {
      const { code, stdout, stderr } = await run(['audit', '--jobs', jobs, broken]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`gaitguard: ${broken}: line 251 is not valid JSON\n`);
    }
  });

  it('exits 1 with --fail-on error when an encounter has an error, and reads stdin', async () => {
    const input = `${lines.slice(0, 30).join('\n')}\n`;
    const failing = await run(['audit', '--fail-on', 'error', '-'], { input, cores: 1 });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^30 encounters: \d+ with errors/);
    const clean = encounterLine(); // 2 units for 23 min, GP, PTA: only the CQ warning
    const one = { input: clean, cores: 1 };
    expect((await run(['audit', '--fail-on', 'error', '-'], one)).code).toBe(0);
    expect((await run(['audit', '--fail-on', 'warning', '-'], one)).code).toBe(1);
    expect((await run(['audit', '-'], one)).code).toBe(0);
  });
});

describe('the audit summary', () => {
  it('does not depend on the order batches finish in', () => {
    const lines = variedLines(120);
    const parts = [0, 40, 80].map((from) =>
      auditBatch({
        firstLine: from + 1,
        lines: lines.slice(from, from + 40),
        choice: {},
        keepFindings: false,
      }),
    );
    const orders = [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
    ];
    const summaries = orders.map((order) => {
      const tally = emptyTally();
      for (const i of order) mergeTally(tally, parts[i]!.tally);
      return JSON.stringify(summaryOf(tally));
    });
    expect(new Set(summaries).size).toBe(1);
    const whole = auditBatch({ firstLine: 1, lines, choice: {}, keepFindings: false });
    expect(summaries[0]).toBe(JSON.stringify(summaryOf(whole.tally)));
  });
  it('lists rules with equal counts by rule id', () => {
    const tally = emptyTally();
    tally.encounters = 2;
    tally.rules['units-over-mue'] = { encounters: 1, findings: 1 };
    tally.rules['group-session'] = { encounters: 1, findings: 1 };
    tally.rules['units-exceed-minutes'] = { encounters: 2, findings: 2 };
    expect(Object.keys(summaryOf(tally).rules)).toEqual([
      'units-exceed-minutes',
      'group-session',
      'units-over-mue',
    ]);
  });
});
