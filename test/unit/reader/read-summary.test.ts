import { describe, expect, it } from 'vitest';
import { MAX_NOTE_CHARS } from '../../../src/engine/limits';
import { readFrame } from '../../../src/reader/frame-reader';
import { mergeFrames } from '../../../src/reader/merge';
import { decidePayer, matchPayer, type SitePayerSetting } from '../../../src/reader/payer-methods';
import { missingFor, summarizeRead } from '../../../src/reader/read-summary';
import type { FrameSnapshot } from '../../../src/reader/snapshot';
import { loadPage, pageFromHtml } from './helpers';

const SITE_MEDICARE: SitePayerSetting = { method: 'cms', medicare: true };

function summaryOf(snapshot: FrameSnapshot, site = SITE_MEDICARE) {
  const payer = decidePayer(snapshot.payerName, site);
  const encounter = mergeFrames([{ frameId: 0, snapshot }], {
    name: snapshot.payerName ?? 'site',
    method: payer.method,
    medicare: payer.medicare,
  });
  return summarizeRead({
    encounter,
    payer,
    ...(snapshot.encounterId ? { encounterId: snapshot.encounterId } : {}),
  });
}

describe('what was read: a fee sheet with no note anywhere', () => {
  const snapshot = readFrame(
    loadPage('fee-sheet-no-note.html', 'https://ridge.example.org/charges').window.document,
  );
  const summary = summaryOf(snapshot);

  it('names the missing note, and reads both lines, the blank units cell named as assumed', () => {
    expect(summary.missing).toEqual(['note']);
    expect(summary.notes).toEqual([]);
    expect(
      summary.charges.map(({ code, units, unitsAssumed, modifiers }) => [
        code,
        units,
        unitsAssumed,
        modifiers,
      ]),
    ).toEqual([
      ['97116', 3, undefined, ['GP']],
      ['97110', 1, true, ['GP']],
    ]);
  });

  it('shows the account number, the service date and a commercial financial class as the per-code method', () => {
    expect(summary.encounterId).toBe('A-7781204');
    expect(summary.dateOfService).toBe('2025-03-11');
    expect(summary.payer).toEqual({
      pageName: 'Commercial',
      method: 'per-code',
      medicare: false,
      basis: 'page',
    });
  });
});

describe('what was read: a note with no charge line', () => {
  const snapshot = readFrame(
    loadPage('note-no-charge.html', 'https://bayfront.example.org/note/448120').window.document,
  );
  const summary = summaryOf(snapshot);

  it('reads the note with its label and length, and names the missing 97116 line', () => {
    expect(summary.missing).toEqual(['gait-line']);
    expect(summary.notes).toHaveLength(1);
    expect(summary.notes[0]?.label).toBe('Daily treatment note');
    expect(summary.notes[0]?.chars).toBeGreaterThan(500);
    expect(summary.charges).toEqual([]);
  });

  it('follows the page: an Aetna plan on a Medicare-configured site is judged per code', () => {
    expect(summary.payer).toEqual({
      pageName: 'Aetna Choice POS II',
      method: 'per-code',
      medicare: false,
      basis: 'page',
    });
    expect(summary.encounterId).toBe('448120');
  });
});

describe('what was read: a payer chosen in a select', () => {
  const snapshot = readFrame(
    loadPage('payer-field.html', 'https://harbor.example.org/visit').window.document,
  );

  it('takes the selected option only, and Medicare Part B means the CMS method', () => {
    expect(snapshot.payerName).toBe('Medicare Part B');
    const summary = summaryOf(snapshot, { method: 'per-code', medicare: false });
    expect(summary.payer).toEqual({
      pageName: 'Medicare Part B',
      method: 'cms',
      medicare: true,
      basis: 'page',
    });
    expect(summary.missing).toEqual([]);
    expect(summary.dateOfService).toBe('2025-04-02');
  });

  it("the coder's override for the site wins over the page, and says so", () => {
    const summary = summaryOf(snapshot, { method: 'per-code', medicare: false, override: true });
    expect(summary.payer.basis).toBe('override');
    expect(summary.payer.method).toBe('per-code');
  });
});

describe('payer table', () => {
  it('maps the names a page shows, more specific rows first', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Medicare Part B', 'cms'],
      ['MEDICARE', 'cms'],
      ['Humana Medicare Advantage HMO', 'cms'],
      ['Blue Cross Blue Shield of Texas', 'per-code'],
      ['UnitedHealthcare Choice Plus', 'per-code'],
      ['Texas Medicaid', 'site'],
      ['Crossroads Benefit Trust', undefined],
    ];
    for (const [name, method] of cases) expect([name, matchPayer(name)?.method]).toEqual([name, method]);
    // A word inside another word does not match: "Medicaid" is not "Medicare", "bluecrossing" is no payer.
    expect(matchPayer('bluecrossing health')).toBeUndefined();
  });

  it('falls back to the site setting when the page shows no payer or one the table does not map', () => {
    expect(decidePayer(undefined, SITE_MEDICARE)).toEqual({ method: 'cms', medicare: true, basis: 'site' });
    expect(decidePayer('  ', SITE_MEDICARE).basis).toBe('site');
    expect(decidePayer('Ohio Medicaid', { method: 'per-code', medicare: false })).toEqual({
      pageName: 'Ohio Medicaid',
      method: 'per-code',
      medicare: false,
      basis: 'unmapped',
    });
    // An organisation's own table replaces the default one.
    const own = [{ match: 'crossroads', method: 'cms' as const, medicare: false }];
    expect(
      decidePayer('Crossroads Benefit Trust', { method: 'per-code', medicare: false }, own),
    ).toMatchObject({
      method: 'cms',
      basis: 'page',
    });
  });
});

describe('missing for a verdict', () => {
  it('a time in / time out line is not a note, and a deleted 97116 line is not a line', () => {
    const doc = pageFromHtml(`
      <label for="ti">Time in</label><input id="ti" value="09:05">
      <label for="to">Time out</label><input id="to" value="09:50">
      <table><tr><th>CPT</th><th>Units</th><th>Status</th></tr><tr><td>97116</td><td>3</td><td>Deleted</td></tr></table>`)
      .window.document;
    const snapshot = readFrame(doc);
    const encounter = mergeFrames([{ frameId: 0, snapshot }], { name: 'x', method: 'cms', medicare: true });
    expect(missingFor(encounter)).toEqual(['note', 'gait-line']);
  });

  it('a note cut at the size cap keeps its full length for the coder to see', () => {
    const long = `Gait training (97116): 25 min. ${'a'.repeat(MAX_NOTE_CHARS)}`;
    const doc = pageFromHtml('<label for="n">Note</label><textarea id="n"></textarea>').window.document;
    (doc.getElementById('n') as HTMLTextAreaElement).value = long;
    const snapshot = readFrame(doc);
    const summary = summaryOf(snapshot);
    expect(summary.notes[0]?.cutFrom).toBe(long.trim().length);
    expect(summary.notes[0]?.chars).toBe(MAX_NOTE_CHARS);
  });
});
