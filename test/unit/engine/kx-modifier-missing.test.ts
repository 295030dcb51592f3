import { describe, expect, it } from 'vitest';
import { analyzeEncounter, DEFAULT_TABLES } from '../../../src/engine/index';
import { reviewDay } from '../../../src/engine/day-review';
import { encounter, findingOf, rulesFired, type EncounterSpec } from './helpers';

const GAIT =
  'Gait training 25 min: amb 150 ft x 2 with FWW and CGA, verbal cues for step length and heel strike on level and ramp.';
const base = (amountLine: string, more: Partial<EncounterSpec> = {}): EncounterSpec => ({
  note: `${amountLine}\n${GAIT}`,
  charges: '97116:2:GP',
  dateOfService: '2026-03-12',
  ...more,
});

describe('kx-modifier-missing', () => {
  it('asks for KX when the year’s therapy amount is past the threshold in force on the date of service', () => {
    const finding = findingOf(base('Medicare PT/SLP YTD: $2,615.40'), 'kx-modifier-missing');
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('$2,615.4');
    expect(finding?.explanation).toContain('$2,480');
    expect(finding?.evidence.map((e) => e.kind)).toEqual(['note', 'charge']);
    expect(finding?.evidence[0]?.quote).toContain('$2,615.40');
    expect(finding?.source.section).toContain('CY 2026');
  });

  it('judges each year by its own threshold: $2,450 is past 2025’s, not 2026’s', () => {
    const line = 'Therapy amount year-to-date $2,450';
    expect(rulesFired(base(line, { dateOfService: '2025-11-03' }))).toContain('kx-modifier-missing');
    expect(rulesFired(base(line, { dateOfService: '2026-02-03' }))).not.toContain('kx-modifier-missing');
  });

  it('says nothing when KX is on the line, the payer is not Medicare, or no amount is shown', () => {
    expect(rulesFired(base('PT/SLP YTD: $2,900', { charges: '97116:2:GP:KX' }))).not.toContain(
      'kx-modifier-missing',
    );
    expect(rulesFired(base('PT/SLP YTD: $2,900', { medicare: false }))).not.toContain('kx-modifier-missing');
    expect(rulesFired(base('Pt reports doing HEP daily.'))).not.toContain('kx-modifier-missing');
  });

  it('does not take a deductible or a patient’s payments to date for the therapy amount', () => {
    for (const line of ['Deductible met YTD: $2,900', 'Patient paid year-to-date $3,100.00'])
      expect(rulesFired(base(line)), line).not.toContain('kx-modifier-missing');
  });

  it('mentions targeted medical review past $3,000, and takes the latest (largest) amount shown', () => {
    const finding = findingOf(
      base('KX threshold YTD $2,300.00 (as of last visit)\nPT/SLP YTD: $3,120'),
      'kx-modifier-missing',
    );
    expect(finding?.explanation).toContain('$3,120');
    expect(finding?.explanation).toContain('targeted medical review');
  });

  it('names what it could not judge when no threshold is known for the year', () => {
    const finding = findingOf(
      base('PT/SLP YTD: $2,900', { dateOfService: '2031-05-01' }),
      'kx-modifier-missing',
    );
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain('2031');
  });

  it('uses an organisation’s imported threshold over the shipped one', () => {
    const tables = {
      ...DEFAULT_TABLES,
      kx: [{ kind: 'kx' as const, effective: '2026-01-01', source: 'local table', amount: 3_500 }],
    };
    const e = encounter(base('PT/SLP YTD: $2,900'));
    expect(analyzeEncounter(e).map((f) => f.rule)).toContain('kx-modifier-missing');
    expect(analyzeEncounter(e, { tables }).map((f) => f.rule)).not.toContain('kx-modifier-missing');
  });

  it('adds KX to the 97116 line of the recommended claim, after GP', () => {
    const e = encounter(base('PT/SLP YTD: $2,615.40'));
    const { claim } = reviewDay(e, analyzeEncounter(e));
    const gait = claim.lines.find((l) => l.code === '97116');
    expect(gait?.after?.modifiers).toEqual(['GP', 'KX']);
  });
});
