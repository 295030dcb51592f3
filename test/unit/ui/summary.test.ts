import { describe, expect, it, vi } from 'vitest';
import { browserMock } from './i18n-mock';
import type { Finding, Severity } from '../../../src/engine/model';
import type { TabReport } from '../../../src/messages/to-content';

vi.mock('webextension-polyfill', () => browserMock);
vi.mock('../../../src/shared/browser-api', () => browserMock);
const { summarize, verdictOf, missingHelp } = await import('../../../src/ui/components/summary');

function finding(severity: Severity, message = 'Something'): Finding {
  return {
    rule: 'units-exceed-minutes',
    severity,
    message,
    explanation: 'Why',
    evidence: [
      { kind: 'note', noteId: '0:n1', start: 0, end: 5, quote: 'Gait training (97116):\n 23   min' },
    ],
    fix: 'Bill 2 units of 97116',
    source: { title: 'Medicare Claims Processing Manual', section: 'ch.5 §20.2', effective: '2024-07-01' },
  };
}

function report(findings: Finding[], status: TabReport['status'] = 'ready'): TabReport {
  const count = status === 'empty' ? 0 : 1;
  return {
    status,
    findings,
    noteCount: count,
    chargeCount: count,
    foreignOrigins: [],
    warnings: [],
    method: 'cms',
    medicare: true,
    ignoredFrames: [],
    cuts: [],
    detailsInPopup: false,
    revision: 1,
  };
}

describe('summarize', () => {
  it('counts by severity with singular and plural forms', () => {
    expect(
      summarize(report([finding('error'), finding('warning'), finding('warning'), finding('info')])),
    ).toBe('1 error, 2 warnings, 1 note');
  });

  it('tells an empty page from a clean one, and a page still being read', () => {
    expect(summarize(report([], 'empty'))).toBe('Nothing to check yet');
    expect(summarize(report([]))).toBe('No problems found');
    expect(summarize(undefined)).toBe('Reading…');
  });

  function withRead(findings: Finding[], missing: Array<'note' | 'gait-line'>, foreign: string[] = []) {
    const base = report(findings);
    return {
      ...base,
      foreignOrigins: foreign,
      read: {
        notes: [],
        charges: [],
        payer: { method: 'cms' as const, medicare: true, basis: 'site' as const },
        missing,
      },
    };
  }

  it('never gives an all-clear without a note and a 97116 line, and says which is missing', () => {
    // A fee sheet with no note: counts alone (1 note field, 1 line) would have said "No problems found".
    expect(summarize(withRead([], ['note']))).toBe('Not checked: no note found');
    expect(verdictOf(withRead([], ['note'])).kind).toBe('missing');
    expect(summarize(withRead([], ['gait-line']))).toBe('Not checked: no 97116 line found');
    expect(summarize(withRead([], ['note', 'gait-line']))).toBe('Nothing to check yet');
    expect(summarize(withRead([], []))).toBe('No problems found');
    expect(verdictOf(withRead([], [])).kind).toBe('clean');
  });

  it('keeps naming what is missing next to the findings, and what the coder can do', () => {
    expect(summarize(withRead([finding('error')], ['note']))).toBe('1 error, Not checked: no note found');
    const help = missingHelp(withRead([], ['note'], ['https://notes.example.org']));
    expect(help[0]).toBe('No note found on this page: open the note, or pick the note field.');
    expect(help[1]).toContain('https://notes.example.org');
    expect(missingHelp(withRead([], ['gait-line']))).toEqual([
      'No 97116 charge line found: open the charges or fee sheet, or pick the charge table.',
    ]);
  });

  it('without a read summary, a report with no note or no charge is not clean', () => {
    expect(verdictOf({ ...report([]), noteCount: 0 }).kind).toBe('missing');
    expect(verdictOf({ ...report([]), chargeCount: 0 }).kind).toBe('missing');
  });
});
