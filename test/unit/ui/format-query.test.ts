import { describe, expect, it } from 'vitest';
import { RULE_IDS, type Finding, type RuleId } from '../../../src/engine/model';
import { THERAPIST_RULES } from '../../../src/engine/claim';
import { formatQuery, queryableFindings } from '../../../src/ui/format-query';
import { analyzeEncounter } from '../../../src/engine/index';
import { encounter } from '../engine/helpers';

function finding(rule: RuleId, quote = 'Pt ambulated 300 ft x 3 in hallway for endurance.'): Finding {
  return {
    rule,
    severity: 'warning',
    message: `${rule} message with 97116 and units`,
    explanation: 'Why',
    evidence: [
      { kind: 'note', noteId: '0:n1', start: 0, end: 5, quote: `${quote}\n  ` },
      { kind: 'charge', chargeId: '1:c1', quote: '97116 × 3 GP' },
    ],
    fix: 'Bill 2 units of 97116',
    source: { title: 'Medicare Benefit Policy Manual', section: 'ch.15 §220.2' },
  };
}

/** Words a compliant query never uses: codes, units, payment or any coding consequence (§10). */
const LEADING =
  /\b(bill|billed|billing|reimburs\w*|pay|paid|payment|units?|codes?|modifiers?|MUE|NCCI|CPT|deny|denied|denial|claim|\d{5})\b/i;

describe('formatQuery: a compliant provider query', () => {
  it('asks about exactly the rules the engine leaves to the therapist, and no coder-side rule', () => {
    // The pages decide by the question table alone; this holds it equal to the claim's THERAPIST_RULES.
    const asked = queryableFindings(RULE_IDS.map((rule) => finding(rule))).map((f) => f.rule);
    expect(asked).toEqual(RULE_IDS.filter((rule) => THERAPIST_RULES.has(rule)));
  });

  it('shows the date of service and the encounter as the page shows them, or says they were not shown', () => {
    const text = formatQuery([finding('repetitive-walking')], {
      dateOfService: '2025-06-02',
      encounterId: '40718',
    });
    expect(text).toContain('Date of service: 2025-06-02');
    expect(text).toContain('Encounter: 40718');
    const bare = formatQuery([finding('repetitive-walking')]);
    expect(bare).toContain('Date of service: not shown on the page');
    expect(bare).toContain('Encounter: not shown on the page');
  });

  it('cites the note in its own words, never a charge line', () => {
    const text = formatQuery([finding('repetitive-walking')]);
    expect(text).toContain('The note reads: "Pt ambulated 300 ft x 3 in hallway for endurance."');
    expect(text).not.toContain('97116 × 3');
  });

  it('offers multiple choice with "other" and "unable to determine", or asks open-ended', () => {
    const text = formatQuery([finding('group-session'), finding('minutes-not-documented')]);
    expect(text).toContain('[ ] One-on-one with this patient for the whole time');
    expect(text).toContain('[ ] Other (please specify)');
    expect(text).toContain('[ ] Unable to determine');
    expect(text).toMatch(/2\. Please state the minutes of gait training[^\n]*\n(.*\n)?\s+Answer:/);
  });

  it('leaves out coder-side edits (GP, CQ, MUE, NCCI, units from minutes)', () => {
    const coder: RuleId[] = [
      'gp-modifier-missing',
      'cq-modifier-missing',
      'units-over-mue',
      'ncci-pair',
      'units-exceed-minutes',
      'units-below-minutes',
    ];
    expect(queryableFindings(coder.map((rule) => finding(rule)))).toEqual([]);
    expect(formatQuery(coder.map((rule) => finding(rule)))).toMatch(/no clinical documentation question/);
  });

  it('never names codes, units, payment or a coding consequence, for every clinical rule', () => {
    const clinical: RuleId[] = [
      'repetitive-walking',
      'no-improvement-expected',
      'group-session',
      'minutes-not-documented',
      'documentation-incomplete',
      'motion-analysis',
      'stairs-billed-separately',
    ];
    const text = formatQuery(clinical.map((rule) => finding(rule, 'Gait with RW on level tile')));
    expect(text.split('\n').filter((line) => LEADING.test(line))).toEqual([]);
    expect(text.match(/^\d+\. /gm)).toHaveLength(clinical.length);
  });

  it('on a real encounter: asks about skill and keeps the GP edit out', () => {
    const e = encounter({
      note: 'O: Pt ambulated 300 ft x 3 in hallway for endurance. Gait training 23 min.',
      charges: '97116:2',
    });
    const text = formatQuery(analyzeEncounter(e), { dateOfService: e.dateOfService });
    expect(text).toContain('Please describe the gait training provided in this session.');
    expect(text).toContain('Date of service: 2024-09-10');
    expect(text).not.toMatch(/GP/);
  });
});
