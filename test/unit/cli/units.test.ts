/**
 * `units` in `check --json` on every CLI fixture (notes, encounters, pages, the demo pages and the multi-frame
 * pairs). Each expectation was worked out by hand from the note's minutes with the §2 arithmetic.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/check';

const ROOT = path.resolve(__dirname, '../../..');

async function run(files: string[], ...options: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...options, '--json', ...files.map((f) => path.join(ROOT, f))], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color: false,
  });
  return { code, stdout, stderr };
}

async function checkJson(files: string[], ...options: string[]) {
  const { code, stdout, stderr } = await run(files, ...options);
  expect(stderr).toBe('');
  expect(code).not.toBe(2);
  return JSON.parse(stdout) as {
    findings: unknown[];
    units: {
      method: string;
      payer: string;
      timed_minutes: number | null;
      lines: {
        code: string;
        minutes: number | null;
        supported: number | null;
        billed: number;
        range?: number[];
      }[];
    };
    claim: {
      settled: boolean;
      lines: { code: string; after: { units: number } | null; changes: string[] }[];
    };
  };
}

/**
 * "code minutes supported billed" per line; "?" for null; a range as "2-3". NOTHING: a page whose saved HTML
 * holds neither note text nor a charge line (a frameset, a script-rendered shell), where the honest answer is
 * exit 2, never an empty units table that reads like an all-clear.
 */
const NOTHING = 'nothing to check';
/**
 * Pages that show a commercial payer are judged per code (domain doc §9), as the extension judges them;
 * every other fixture shows Medicare or no payer, and the CLI's default is Medicare (CMS).
 */
const PER_CODE_PAGES = new Set([
  'test/fixtures/pages/contenteditable-note.html', // Aetna Choice POS II
  'test/fixtures/pages/fee-sheet-no-note.html', // financial class Commercial
  'test/fixtures/pages/note-no-charge.html', // Aetna Choice POS II
  'test/fixtures/pages/openemr-encounter-summary.html', // Blue Cross Blue Shield PPO
]);
const EXPECTED: Record<string, [timed: number | null, lines: string[]] | typeof NOTHING> = {
  'test/fixtures/notes/gait-20min.txt': [20, ['97116 20 1 0']],
  'test/fixtures/encounters/medicare-pta.json': [23, ['97116 23 2 2']],
  'test/fixtures/pages/aria-grid.html': [50, ['97116 40 3(2-3) 3', '97530 10 0(0-1) 1']],
  // The charge line lives in a custom element's shadow root, which the command line does not read.
  'test/fixtures/pages/badges-shadow.html': [31, ['97116 31 2 0']],
  'test/fixtures/pages/report-sections.html': [26, ['97116 26 2 2']],
  'test/fixtures/pages/contenteditable-note.html': [25, ['97116 25 2 2']],
  'test/fixtures/pages/cross-origin-frame.html': [null, ['97116 ? ? 2']],
  'test/fixtures/pages/fee-sheet-no-note.html': [null, ['97116 ? ? 3', '97110 ? ? 1']],
  'test/fixtures/pages/note-no-charge.html': [38, ['97116 26 2 0', '97110 12 1 0']],
  'test/fixtures/pages/payer-field.html': [28, ['97116 19 1 2', '97110 9 1 1']],
  // 33 timed minutes make 2 units (§2): one whole 15 to 97116 (23), the other to 97110's 10 over 97116's 8.
  'test/fixtures/pages/charge-details-view.html': [33, ['97116 23 1 2', '97110 10 1 1']],
  // Charge lines as list items with no code label; the code list without units below them is no claim.
  'test/fixtures/pages/charge-list-items.html': [39, ['97116 27 2 3', '97110 12 1 1']],
  // 26 minutes of gait training alone: 2 units (23-37).
  'test/fixtures/pages/flowsheet-note.html': [26, ['97116 26 2 2']],
  // A frame's own document read alone: its note, or its lines, without the other half.
  'test/fixtures/pages/hidden-pane-frame-note.html': [11, ['97116 11 1 0']],
  'test/fixtures/pages/hidden-pane-frame.html': [null, ['97116 ? ? 2']],
  'test/fixtures/pages/spa-encounter-views.html': NOTHING,
  // Saved with the plan-of-care tab showing: the hidden treatment note is not what the coder saw.
  'test/fixtures/pages/tabbed-encounter.html': [null, ['97116 ? ? 3', '97530 ? ? 1']],
  'test/fixtures/pages/hidden-stale-note.html': [22, ['97116 22 1 2']],
  'test/fixtures/pages/iframe-editor.html': [null, []],
  'test/fixtures/pages/medplum-charges.html': [null, ['97116 31 ?(2-3) 2', '97112 ? ? 1']],
  'test/fixtures/pages/openemr-billing-manager.html': [null, ['97116 ? ? 3']],
  'test/fixtures/pages/openemr-encounter-summary.html': [23, ['97116 23 2 0']],
  'test/fixtures/pages/openemr-fee-sheet.html': [null, ['97116 ? ? 3', '97110 ? ? 1']],
  'test/fixtures/pages/openemr-soap.html': [38, ['97116 38 3 0']],
  'test/fixtures/pages/shadow-components.html': NOTHING,
  'test/fixtures/pages/spa-swap.html': NOTHING,
  'test/fixtures/pages/textarea-note.html': [38, ['97116 23 2 2', '97110 15 1 1']],
  'test/fixtures/pages/time-in-out.html': [null, []],
  'test/fixtures/pages/hostile/xss-note.html': [9, ['97116 9 1 3']],
  'test/fixtures/pages/nested-frames/calendar.html': NOTHING,
  'test/fixtures/pages/nested-frames/encounter.html': NOTHING,
  'test/fixtures/pages/nested-frames/fee-sheet.html': [null, ['97116 ? ? 2']],
  'test/fixtures/pages/nested-frames/main.html': NOTHING,
  'test/fixtures/pages/nested-frames/soap.html': [18, ['97116 18 1 0']],
  'test/fixtures/pages/two-frame/fees.html': [null, ['97116 ? ? 2', '97112 ? ? 1']],
  'test/fixtures/pages/two-frame/note.html': [44, ['97116 24 2 0', '97112 20 1 0']],
  'test/fixtures/pages/two-frame/top.html': NOTHING,
  'demo/pages/clean-note.html': [40, ['97116 25 2 2', '97112 15 1 1']],
  'demo/pages/daily-note.html': [38, ['97116 23 2 3', '97110 15 1 1']],
  'demo/pages/index.html': NOTHING,
  'demo/pages/whole-day.html': [47, ['97116 25 2 4', '97110 22 1 2']],
  'demo/pages/openemr/encounter.html': NOTHING,
  'demo/pages/openemr/fee_sheet.html': [null, ['97116 ? ? 3', '97530 ? ? 1']],
  'demo/pages/openemr/soap.html': [47, ['97116 27 2 0', '97530 20 1 0']],
  // The frames of one page, read together as the extension merges them.
  'demo/pages/openemr/soap.html + demo/pages/openemr/fee_sheet.html': [47, ['97116 27 2 3', '97530 20 1 1']],
  'test/fixtures/pages/two-frame/note.html + test/fixtures/pages/two-frame/fees.html': [
    44,
    ['97116 24 2 2', '97112 20 1 1'],
  ],
  'test/fixtures/pages/nested-frames/soap.html + test/fixtures/pages/nested-frames/fee-sheet.html': [
    18,
    ['97116 18 1 2'],
  ],
};

function compact(line: {
  code: string;
  minutes: number | null;
  supported: number | null;
  billed: number;
  range?: number[];
}) {
  const supported = `${line.supported ?? '?'}${line.range ? `(${line.range.join('-')})` : ''}`;
  return `${line.code} ${line.minutes ?? '?'} ${supported} ${line.billed}`;
}

describe('check --json: units on every fixture', () => {
  it('covers every fixture file on disk', () => {
    const onDisk = (dir: string, ext: string): string[] =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? onDisk(path.join(dir, entry.name), ext)
          : entry.name.endsWith(ext)
            ? [path.join(dir, entry.name)]
            : [],
      );
    const all = [
      ...onDisk('test/fixtures/notes', '.txt'),
      ...onDisk('test/fixtures/encounters', '.json'),
      ...onDisk('test/fixtures/pages', '.html'),
      ...onDisk('demo/pages', '.html'),
    ];
    expect(all.filter((file) => !(file in EXPECTED))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('%s', async (files, expected) => {
    if (expected === NOTHING) {
      const { code, stdout, stderr } = await run(files.split(' + '));
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toContain(NOTHING);
      return;
    }
    const [timed, lines] = expected;
    const out = await checkJson(files.split(' + '));
    expect(Object.keys(out)).toEqual(['schemaVersion', 'findings', 'missing', 'units', 'claim']);
    expect(out.units.method).toBe(PER_CODE_PAGES.has(files) ? 'per-code' : 'cms');
    expect(out.units.timed_minutes).toBe(timed);
    expect(out.units.lines.map(compact)).toEqual(lines);
    for (const line of out.units.lines)
      expect(Object.keys(line).slice(0, 4)).toEqual(['code', 'minutes', 'supported', 'billed']);
  });

  it('names the payer and switches to per-code for a commercial payer', async () => {
    const out = await checkJson(['demo/pages/whole-day.html'], '--payer', 'commercial');
    expect(out.units.method).toBe('per-code');
    // Per code: 25 min → 2, the 22 min left for 97110 → 1 on their own.
    expect(out.units.lines.map(compact)).toEqual(['97116 25 2 4', '97110 22 1 2']);
    expect((await checkJson(['test/fixtures/encounters/medicare-pta.json'])).units.payer).toBe(
      'Medicare Part B',
    );
  });

  it('takes the payer a saved page shows, unless the command line names one', async () => {
    const page = 'test/fixtures/pages/charge-details-view.html';
    // Medicare Part B on the page: CMS; 23 + 10 = 33 min make 2 units for the day.
    expect((await checkJson([page])).units).toMatchObject({ method: 'cms', payer: 'Medicare Part B' });
    const aetna = await checkJson(['test/fixtures/pages/contenteditable-note.html']);
    expect(aetna.units).toMatchObject({ method: 'per-code', payer: 'Aetna Choice POS II' });
    // The command line wins over the page.
    const forced = await checkJson(['test/fixtures/pages/contenteditable-note.html'], '--payer', 'medicare');
    expect(forced.units).toMatchObject({ method: 'cms', payer: 'Medicare' });
  });

  it('gives the whole day’s answer for 6 units billed on 47 minutes', async () => {
    const out = await checkJson(['demo/pages/whole-day.html']);
    expect(out.claim.settled).toBe(true);
    expect(out.claim.lines.map((l) => [l.code, l.after?.units])).toEqual([
      ['97116', 2],
      ['97110', 1],
    ]);
  });
});

describe('check: the units table in the human output', () => {
  it('prints a row per timed code with the difference, and the recommended claim', async () => {
    let stdout = '';
    await main([path.join(ROOT, 'demo/pages/whole-day.html')], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      color: false,
    });
    expect(stdout).toMatch(/97116\s+25\s+2\s+4\s+\+2/);
    expect(stdout).toMatch(/97110\s+22\*\s+1\s+2\s+\+1/);
    expect(stdout).toMatch(/day\s+47\s+3\s+6/);
    expect(stdout).toContain('97110: 2 → 1 unit');
    expect(stdout).toContain('[line 2 of Visit charges]');
  });
});
