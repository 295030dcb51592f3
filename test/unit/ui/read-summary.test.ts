import { describe, expect, it, vi } from 'vitest';
import { browserMock } from './i18n-mock';
import type { ReadSummary } from '../../../src/reader/read-summary';

vi.mock('webextension-polyfill', () => browserMock);
vi.mock('../../../src/shared/browser-api', () => browserMock);
const { payerLine, noteLine, chargeLine } = await import('../../../src/ui/components/read-summary');

const base: ReadSummary = {
  notes: [],
  charges: [],
  payer: { method: 'cms', medicare: true, basis: 'site' },
  missing: [],
};

describe('what was read, as the coder sees it', () => {
  it('says which method was used and why', () => {
    expect(payerLine(base)).toBe(
      'Method: CMS 8-minute rule, from the site setting (no payer shown on the page)',
    );
    expect(
      payerLine({
        ...base,
        payer: { pageName: 'Aetna Choice POS II', method: 'per-code', medicare: false, basis: 'page' },
      }),
    ).toBe('Method: per-code method, because the page shows payer "Aetna Choice POS II"');
    expect(payerLine({ ...base, payer: { method: 'per-code', medicare: false, basis: 'override' } })).toBe(
      'Method: per-code method, chosen for this site (overrides the page)',
    );
    expect(
      payerLine({
        ...base,
        payer: { pageName: 'Ohio Medicaid', method: 'cms', medicare: false, basis: 'unmapped' },
      }),
    ).toContain('payer "Ohio Medicaid" has no method in the payer table');
  });

  it('names a note cut at the size cap and a line with no units shown', () => {
    expect(noteLine({ label: 'Daily note', frameId: 2, chars: 812, kind: 'note' })).toBe(
      'Note: Daily note, 812 characters, frame 2',
    );
    expect(
      noteLine({ label: 'Report', frameId: 0, chars: 8_000_000, cutFrom: 9_100_000, kind: 'note' }),
    ).toContain('cut at 8,000,000 of 9,100,000 characters');
    expect(
      chargeLine({
        code: '97110',
        units: 1,
        unitsAssumed: true,
        modifiers: ['GP'],
        frameId: 0,
        table: 'Procedures',
      }),
    ).toBe('Charge: 97110, no units shown (1 assumed) GP (Procedures, frame 0)');
    expect(chargeLine({ code: '97116', units: 3, modifiers: [], frameId: 1 })).toBe(
      'Charge: 97116 × 3 no modifiers (charges, frame 1)',
    );
  });
});
