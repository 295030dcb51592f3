import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/reader/frame-reader';
import { resolveSelector } from '../../../src/reader/selectors';
import { loadPage } from './helpers';

const URL_FEE_SHEET = 'https://openemr.example.org/interface/forms/fee_sheet/new.php';

describe('OpenEMR fee sheet', () => {
  const dom = loadPage('openemr-fee-sheet.html', URL_FEE_SHEET);
  const snapshot = readFrame(dom.window.document);

  it('reads procedure lines only (no ICD-10 diagnosis), with their state', () => {
    expect(
      snapshot.charges.map(({ code, units, modifiers, status }) => ({ code, units, modifiers, status })),
    ).toEqual([
      { code: '97116', units: 3, modifiers: ['GP', '59'], status: 'unbilled' },
      { code: '97110', units: 1, modifiers: ['GP'], status: 'billed' },
      { code: '97530', units: 1, modifiers: ['GP'], status: 'deleted' },
      { code: 'G0283', units: 1, modifiers: ['GP'], status: 'unbilled' },
    ]);
  });

  it('points each line back at its row', () => {
    for (const line of snapshot.charges) {
      const row = resolveSelector(dom.window.document, line.source.selector!);
      expect(row?.tagName).toBe('TR');
      expect(row?.textContent).toContain(line.code);
      expect(line.source.label).toBe('Fee sheet');
    }
  });

  it('takes the furnishing roles from the line providers and the rendering provider', () => {
    expect(snapshot.furnishedBy).toEqual(['PT', 'PTA']);
  });

  it('does not read the fee sheet as a note', () => {
    expect(snapshot.notes).toEqual([]);
    expect(snapshot.warnings).toEqual([]);
  });

  it('reads the same lines by header and input name when the URL is not OpenEMR', () => {
    const generic = readFrame(
      loadPage('openemr-fee-sheet.html', 'https://billing.example.net/fees').window.document,
    );
    expect(
      generic.charges.map(({ code, units, modifiers, status }) => ({ code, units, modifiers, status })),
    ).toEqual(
      snapshot.charges.map(({ code, units, modifiers, status }) => ({ code, units, modifiers, status })),
    );
  });
});
