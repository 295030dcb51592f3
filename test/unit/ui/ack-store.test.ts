import { describe, expect, it } from 'vitest';
import type { Finding, RuleId } from '../../../src/engine/model';
import { findingKeys, openCount, parseAcks } from '../../../src/ui/components/ack-store';

function finding(rule: RuleId): Finding {
  return {
    rule,
    severity: 'warning',
    message: 'Gait work reads as plain walking ("in hallway")',
    explanation: '',
    evidence: [{ kind: 'note', noteId: 'n', start: 0, end: 4, quote: 'Rivera, Marta walked in hallway' }],
    fix: '',
    source: { title: 't' },
  };
}

describe('acknowledgements', () => {
  const findings = [
    finding('gp-modifier-missing'),
    finding('repetitive-walking'),
    finding('gp-modifier-missing'),
  ];

  it('keys a finding by its rule and its place among that rule’s findings: no text of the note', () => {
    expect(findingKeys(findings)).toEqual([
      'gp-modifier-missing#0',
      'repetitive-walking#0',
      'gp-modifier-missing#1',
    ]);
  });

  it('counts what is still open', () => {
    expect(openCount(findings, { 'repetitive-walking#0': 'payer' })).toBe(2);
    expect(openCount(findings, {})).toBe(3);
  });

  it('keeps only well-formed entries read back from the shared store', () => {
    expect(
      parseAcks({
        'repetitive-walking#0': 'chart',
        'gp-modifier-missing#1': 'Rivera, Marta', // not a reason code: dropped
        'Pt walked 300 ft#0': 'query', // not a key: dropped
      }),
    ).toEqual({ 'repetitive-walking#0': 'chart' });
    expect(parseAcks('junk')).toEqual({});
    expect(parseAcks(null)).toEqual({});
  });
});
