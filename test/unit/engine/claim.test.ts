import { describe, expect, it } from 'vitest';
import type { ChargeLine, RuleId } from '../../../src/engine/model';
import { analyzeEncounter } from '../../../src/engine/index';
import { reviewDay } from '../../../src/engine/day-review';
import { encounter, type EncounterSpec } from './helpers';

function line(code: string, units: number, minutes?: number, modifiers = ['GP']): ChargeLine {
  return {
    id: `l-${code}`,
    code,
    units,
    modifiers,
    ...(minutes === undefined ? {} : { minutes }),
    status: 'unbilled',
    source: { label: 'Fee sheet' },
  };
}

function review(spec: EncounterSpec) {
  const e = encounter(spec);
  const findings = analyzeEncounter(e);
  return { ...reviewDay(e, findings), rules: findings.map((f) => f.rule) };
}

/** "code × units MODS" after the claim, or "code dropped". */
function after(spec: EncounterSpec): string[] {
  return review(spec).claim.lines.map((l) =>
    l.after
      ? `${l.code} × ${l.after.units}${l.after.modifiers.length ? ` ${l.after.modifiers.join(':')}` : ''}`
      : `${l.code} dropped`,
  );
}

describe('recommended claim: the CMS worked examples', () => {
  it('47 min of 97112 24 / 97110 23 billed 3 + 2: 97110 gives one up', () => {
    expect(after({ lines: [line('97112', 3, 24), line('97110', 2, 23)] })).toEqual([
      '97112 × 2 GP',
      '97110 × 1 GP',
    ]);
  });
  it('49 min over four codes billed 2 + 1 + 1 + 1: 97110 to 1 and 97035 dropped', () => {
    const r = review({
      lines: [line('97110', 2, 18), line('97140', 1, 13), line('97116', 1, 10), line('97035', 1, 8)],
    });
    expect(r.claim.lines.map((l) => [l.code, l.after?.units ?? 0])).toEqual([
      ['97110', 1],
      ['97140', 1],
      ['97116', 1],
      ['97035', 0],
    ]);
    expect(r.claim.changes.map((c) => c.text)).toEqual([
      expect.stringMatching(
        /^97110: 2 → 1 unit: 18 min; the day's 49 timed minutes support 3 units in all \(CMS\)$/,
      ),
      expect.stringMatching(/^Drop 97035 × 1 GP: 8 min/),
    ]);
  });
  it('40 min as 20 + 20 billed 2 + 1: left as billed, the tie allows it', () => {
    const r = review({ lines: [line('97112', 2, 20), line('97110', 1, 20)] });
    expect(r.claim.changes).toEqual([]);
  });
  it('a claim that already agrees changes nothing', () => {
    expect(review({ lines: [line('97110', 2, 33), line('97140', 1, 7)] }).claim.changes).toEqual([]);
  });
  it('fewer units than the minutes support: raised, and said so', () => {
    const r = review({ lines: [line('97116', 1, 38)] });
    expect(r.claim.lines[0]?.after?.units).toBe(3);
    expect(r.claim.changes[0]?.rules).toEqual(['units-below-minutes']);
  });
});

describe('recommended claim: fixes that disagree are resolved once', () => {
  it('minutes against the MUE: the lower wins and the resolution is stated', () => {
    const r = review({ lines: [line('97116', 6, 83)] });
    expect(r.rules).toEqual(expect.arrayContaining<RuleId>(['units-over-mue']));
    expect(r.claim.lines[0]?.after?.units).toBe(4);
    expect(r.claim.changes.map((c) => c.rules)).toEqual([['units-over-mue']]);
    expect(r.claim.resolved.join(' ')).toMatch(/minutes support 6 and the MUE allows 4/);
  });
  it('over the MUE but the minutes give fewer still: the minutes decide', () => {
    const r = review({ lines: [line('97116', 5, 40)] });
    expect(r.claim.lines[0]?.after?.units).toBe(3);
    expect(r.claim.resolved.join(' ')).toMatch(/minutes give the lower answer/);
  });
  it('group session beside NCCI 59: no 59 is added, the line waits for the therapist', () => {
    const note =
      'O: Group gait session with 3 other patients in parallel bars, 30 min; VC for step length. Gait training 97116: 30 min.';
    const r = review({ note, charges: '97116:2:GP,97150:1:GP' });
    expect(r.rules).toEqual(expect.arrayContaining<RuleId>(['group-session', 'ncci-pair']));
    const gait = r.claim.lines.find((l) => l.code === '97116');
    expect(gait?.after?.modifiers).toEqual(['GP']);
    expect(gait?.query).toBe(true);
    expect(r.claim.resolved.join(' ')).toMatch(/Group session and NCCI/);
    expect(r.claim.therapist.map((t) => t.rule)).toContain('group-session');
  });
  it('NCCI pair with no doubt about one-on-one time: 59, with its condition spelled out', () => {
    const note =
      'O: Gait training (97116): 30 min, VC for heel strike, TC at knee, CGA, 150 ft x 2 with RW. Later: group balance class 97150, separate session.';
    const r = review({ note, charges: '97116:2:GP,97150:1:GP' });
    expect(r.rules).toContain('ncci-pair');
    expect(r.rules).not.toContain('group-session');
    const gait = r.claim.lines.find((l) => l.code === '97116');
    expect(gait?.after?.modifiers).toEqual(['GP', '59']);
    expect(gait?.changes.join(' ')).toMatch(/only if gait training ran in its own, non-overlapping time/);
  });
});

describe('recommended claim: the therapist’s findings never change units', () => {
  it('plain walking (skill) marks the line to query and leaves its units to the minutes', () => {
    const note = 'O: Pt ambulated 300 ft x 3 in hallway for endurance. Gait training 23 min.';
    const r = review({ note, charges: '97116:2:GP' });
    expect(r.rules).toContain('repetitive-walking');
    expect(r.claim.lines[0]).toMatchObject({ after: { units: 2 }, query: true, changes: [] });
    expect(r.claim.therapist.map((t) => t.rule)).toContain('repetitive-walking');
  });
  it('a prognosis question holds the line without touching units', () => {
    const note =
      'O: Gait training (97116): 25 min, VC for step length, CGA, 150 ft with quad cane. A: Pt has plateaued and is not expected to improve further.';
    const r = review({ note, charges: '97116:2:GP' });
    expect(r.rules).toContain('no-improvement-expected');
    expect(r.claim.lines[0]).toMatchObject({ after: { units: 2, modifiers: ['GP'] }, query: true });
    expect(r.claim.changes).toEqual([]);
  });
  it('the day over its total with two codes unwritten: not settled, nothing cut blindly', () => {
    const note =
      'O: Gait training (97116): 25 min, VC for step length, CGA, 200 ft with FWW. Ther ex and manual therapy. Total timed minutes: 47.';
    const r = review({ note, charges: '97116:2:GP,97110:2:GP,97140:1:GP' });
    expect(r.claim.settled).toBe(false);
    expect(r.claim.unsettled).toMatch(/support 3 units in all, 5 remain billed; the minutes of 97110, 97140/);
    expect(r.claim.lines.map((l) => l.after?.units)).toEqual([2, 2, 1]);
    expect(r.claim.lines.every((l) => l.query)).toBe(true);
  });
});

describe('recommended claim: coder-side modifiers', () => {
  it('adds GP to the Medicare 97116 line that lacks it', () => {
    expect(after({ lines: [line('97116', 2, 25, [])] })).toEqual(['97116 × 2 GP']);
  });
  it('adds a timed code documented and not billed, once the charges were read', () => {
    const note =
      'O: Gait training (97116): 23 min, VC for heel strike, CGA, 100 ft x 2 with RW. Ther ex (97110): 15 min.';
    expect(after({ note, charges: '97116:2:GP' })).toEqual(['97116 × 2 GP', '97110 × 1 GP']);
  });
});

describe('the day review crosses the message boundary intact', () => {
  it('parses with DayReviewSchema for the whole-day demo shape', async () => {
    const { DayReviewSchema } = await import('../../../src/engine/day-review');
    const note =
      'O: Gait training (97116): 25 min, VC for step length, CGA, 200 ft with FWW. Total timed minutes: 47.';
    const r = review({ note, charges: '97116:4:GP,97110:2:GP' });
    const { rules: _rules, ...day } = r;
    expect(DayReviewSchema.parse(day)).toEqual(day);
  });
});

describe('recommended claim: nothing to check against', () => {
  it('with no note read, the claim is not settled, whatever the lines', () => {
    const none = review({ lines: [line('97116', 2)] }).claim;
    expect(none.settled).toBe(false);
    expect(none.unsettled).toMatch(/No note was read/);
    const withNote = review({
      note: 'Gait training (97116): 25 min with rolling walker, cues for step length, CGA 150 ft x 2.',
      lines: [line('97116', 2, 25)],
    }).claim;
    expect(withNote.unsettled ?? '').not.toMatch(/No note was read/);
  });
});
