import { describe, expect, it, vi } from 'vitest';
import { browserMock } from './i18n-mock';
import type { Finding, Severity } from '../../../src/engine/model';
import type { TabReport } from '../../../src/messages/to-content';

vi.mock('webextension-polyfill', () => browserMock);
const { summarize } = await import('../../../src/ui/components/summary');
const { formatQuery } = await import('../../../src/ui/format-query');

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
  return {
    status,
    findings,
    noteCount: 1,
    chargeCount: 1,
    foreignOrigins: [],
    warnings: [],
    method: 'cms',
    medicare: true,
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
});

describe('formatQuery', () => {
  it('lists each finding with the quoted note text (whitespace folded), the fix and the dated source', () => {
    const text = formatQuery([finding('error', '97116 billed for 3 units; the minutes support 2')], {
      dateOfService: '2025-03-14',
    });
    expect(text).toContain('date of service 2025-03-14');
    expect(text).toContain('1. [Must fix] 97116 billed for 3 units; the minutes support 2');
    expect(text).toContain('Note says: "Gait training (97116): 23 min"');
    expect(text).toContain('Suggested: Bill 2 units of 97116');
    expect(text).toContain('Source: Medicare Claims Processing Manual, ch.5 §20.2, effective 2024-07-01');
  });

  it('says plainly when there is nothing to ask', () => {
    expect(formatQuery([])).toMatch(/no documentation questions/);
  });

  it('shortens very long quotes', () => {
    const long = finding('warning');
    long.evidence = [{ kind: 'note', noteId: '0:n1', start: 0, end: 500, quote: 'walk '.repeat(100) }];
    const line = formatQuery([long])
      .split('\n')
      .find((entry) => entry.includes('Note says'))!;
    expect(line.length).toBeLessThan(230);
    expect(line.endsWith('…"')).toBe(true);
  });
});
