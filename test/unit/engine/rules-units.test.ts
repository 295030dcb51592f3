import { describe, expect, it } from 'vitest';
import type { EncounterSpec } from './helpers';
import { findingOf, rulesFired as allRulesFired } from './helpers';

const UNIT_RULES = new Set(['units-exceed-minutes', 'units-below-minutes', 'minutes-not-documented']);
/** Only the three minute/unit rules, so these tests do not depend on the documentation rules. */
const rulesFired = (spec: EncounterSpec) => allRulesFired(spec).filter((id) => UNIT_RULES.has(id));

const SKILLED = 'Gait training with FWW, CGA, 150 ft x2, VC for step length.';

describe('units-exceed-minutes', () => {
  it('fires when 97116 units exceed its own minutes (CMS, one timed code)', () => {
    const f = findingOf(
      { note: `${SKILLED}\nGait training (97116): 20 min`, charges: '97116:2:GP' },
      'units-exceed-minutes',
    );
    expect(f?.severity).toBe('error');
    expect(f?.fix).toBe('Bill 1 unit of 97116');
    expect(f?.evidence.some((e) => e.kind === 'note' && e.quote.includes('20 min'))).toBe(true);
  });
  it('fires on the CMS day total with 97116 among the units', () => {
    const note = 'Gait training 20 min. Ther ex 20 min. Total timed minutes: 40';
    const f = findingOf({ note, charges: '97116:2:GP,97110:2:GP' }, 'units-exceed-minutes');
    expect(f?.message).toContain('4 timed units billed');
    // A tie: either code may give up the unit, so the fix names both lines.
    expect(f?.fix).toBe('Reduce the timed units to 3 in total across 97116 × 2, 97110 × 2');
  });
  it('names the line to change when the allocation settles it', () => {
    const note = 'Gait training 27 min, FWW, CGA. Ther ex 10 min.';
    const f = findingOf({ note, charges: '97116:2:GP,97110:1:GP' }, 'units-exceed-minutes');
    expect(f?.fix).toBe("Remove the 97110 line: the day's minutes support 2 timed units");
    const three = findingOf(
      {
        note: 'Gait training 25 min. Ther ex 10 min. Manual therapy 5 min.',
        charges: '97116:2:GP,97110:1:GP,97140:1:GP',
      },
      'units-exceed-minutes',
    );
    expect(three?.fix).toBe("Remove the 97140 line: the day's minutes support 3 timed units");
  });
  it('accepts either split of a tie (20 + 20 → 2 + 1)', () => {
    const note = 'Gait training 20 min. Ther ex 20 min. Total timed minutes: 40';
    expect(rulesFired({ note, charges: '97116:2:GP,97110:1:GP' })).not.toContain('units-exceed-minutes');
    expect(rulesFired({ note, charges: '97116:1:GP,97110:2:GP' })).not.toContain('units-exceed-minutes');
  });
  it('follows CMS example 4: 97116 10 min of a 49-minute day gets 1 unit, not 2', () => {
    const note = 'Ther ex 18 min; manual therapy 13 min; gait training 10 min; ultrasound 8 min';
    expect(rulesFired({ note, charges: '97110:1:GP,97140:1:GP,97116:1:GP' })).toEqual([]);
    expect(rulesFired({ note, charges: '97110:1:GP,97140:1:GP,97116:2:GP' })).toContain(
      'units-exceed-minutes',
    );
  });
  it('uses the per-code method for a per-code payer: 8 + 8 minutes give a unit each', () => {
    const note = 'Gait training 8 min. Ther ex 8 min.';
    expect(rulesFired({ note, charges: '97116:1,97110:1', medicare: false })).toEqual([]);
    expect(rulesFired({ note, charges: '97116:1:GP,97110:1:GP' })).toContain('units-exceed-minutes');
  });
  it('caps the gait units by the total when the split is not written', () => {
    const note = 'Gait training with FWW and CGA. Total timed minutes: 30';
    expect(rulesFired({ note, charges: '97116:3:GP' })).toContain('units-exceed-minutes');
    expect(rulesFired({ note, charges: '97116:2:GP' })).not.toContain('units-exceed-minutes');
  });
  it('uses time in / time out as an upper bound', () => {
    const note = 'Gait training with RW. time in 9:05 / time out 9:50';
    expect(rulesFired({ note, charges: '97116:4:GP' })).toContain('units-exceed-minutes');
    expect(rulesFired({ note, charges: '97116:3:GP' })).not.toContain('units-exceed-minutes');
  });
  it('ignores deleted lines and plan minutes', () => {
    const note = 'Gait training 23 min.\nPLAN: gait training 45 min next visit';
    const lines = [
      {
        id: 'old',
        code: '97116',
        units: 4,
        modifiers: ['GP'],
        status: 'deleted' as const,
        source: {},
      },
    ];
    expect(rulesFired({ note, charges: '97116:2:GP', lines })).toEqual([]);
  });
  it('takes the minutes shown on a charge line when the note has none', () => {
    const lines = [
      {
        id: 'c1',
        code: '97116',
        units: 3,
        modifiers: ['GP'],
        minutes: 25,
        status: 'billed' as const,
        source: {},
      },
    ];
    expect(rulesFired({ note: SKILLED, lines })).toContain('units-exceed-minutes');
  });
});

describe('units-below-minutes', () => {
  it('fires when the minutes support more 97116 units than billed', () => {
    const f = findingOf(
      { note: 'Gait training (97116): 38 min', charges: '97116:2:GP' },
      'units-below-minutes',
    );
    expect(f?.severity).toBe('info');
    expect(f?.fix).toContain('Bill 3 units');
  });
  it('fires when gait minutes are documented but only other codes are billed', () => {
    const f = findingOf(
      { note: 'Gait training 23 min. Ther ex 15 min.', charges: '97110:1:GP' },
      'units-below-minutes',
    );
    expect(f?.message).toContain('not billed');
  });
  it('does not fire when no charge line was read, or when a tie lets either code take the unit', () => {
    expect(rulesFired({ note: 'Gait training 23 min.' })).toEqual([]);
    const note = 'Gait training 20 min. Ther ex 20 min.';
    expect(rulesFired({ note, charges: '97116:1:GP,97110:2:GP' })).not.toContain('units-below-minutes');
  });
  it('does not fire when the billed units match', () => {
    expect(rulesFired({ note: `${SKILLED} GT 23'`, charges: '97116:2:GP' })).toEqual([]);
  });
});

describe('minutes-not-documented', () => {
  it('fires when 97116 is billed and the note has no minutes for it', () => {
    const f = findingOf({ note: SKILLED, charges: '97116:2:GP' }, 'minutes-not-documented');
    expect(f?.severity).toBe('warning');
  });
  it('is settled by a total when 97116 is the only timed code', () => {
    expect(rulesFired({ note: `${SKILLED} Total timed minutes: 25`, charges: '97116:2:GP' })).toEqual([]);
  });
  it('is settled by a total minus the other codes’ minutes', () => {
    const note = `${SKILLED} Ther ex 15 min. Total timed minutes: 38`;
    expect(rulesFired({ note, charges: '97116:2:GP,97110:1:GP' })).toEqual([]);
  });
  it('is not settled by a total when another code’s minutes are unknown', () => {
    const note = `${SKILLED} Total timed minutes: 38`;
    expect(rulesFired({ note, charges: '97116:2:GP,97110:1:GP' })).toContain('minutes-not-documented');
  });
  it('does not fire without a 97116 line or without any note text', () => {
    expect(rulesFired({ note: SKILLED, charges: '97110:1:GP' })).not.toContain('minutes-not-documented');
    expect(rulesFired({ charges: '97116:1:GP' })).not.toContain('minutes-not-documented');
  });
});
