import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLES, analyzeEncounter, RULES } from '../../../src/engine/index';
import { bySeverity } from '../../../src/engine/model';
import { encounter, findingOf, rulesFired } from './helpers';

const SKILLED = 'O: Gait training 23 min: amb 150 ft x2 with FWW, CGA; VC for step length and heel strike.';

describe('repetitive-walking', () => {
  it('fires on endurance laps with no skilled input', () => {
    const note = 'O: Pt ambulated 300 ft x 3 in hallway for endurance. Gait training 23 min.';
    expect(findingOf({ note, charges: '97116:2:GP' }, 'repetitive-walking')?.severity).toBe('warning');
  });
  it('fires on distance-only walking', () => {
    expect(rulesFired({ note: 'O: Amb 200 ft with RW. GT 23 min.', charges: '97116:2:GP' })).toContain(
      'repetitive-walking',
    );
  });
  it('does not fire when cues, deviations or training are documented', () => {
    const note = 'O: Ambulated 300 ft x 3 in hallway; VC for increased step length, TC at pelvis. GT 23 min.';
    expect(rulesFired({ note, charges: '97116:2:GP' })).not.toContain('repetitive-walking');
  });
  it('counts cues written lines after the walking in the same paragraph, not cues from the history', () => {
    const dictated =
      'Gait training 25 minutes. She walked 150 feet three times with her walker,\nresting between bouts; on the last bout\nI gave verbal cues to stand tall.';
    expect(rulesFired({ note: dictated, charges: '97116:2:GP' })).not.toContain('repetitive-walking');
    const history =
      'Gait training 25 minutes. She walked 150 feet three times with her walker. She reports her husband\ngives her verbal cues at home.';
    expect(rulesFired({ note: history, charges: '97116:2:GP' })).toContain('repetitive-walking');
    const otherParagraph =
      'Gait training 25 minutes. She walked 150 feet three times with her walker.\n\nTher ex 10 min with verbal cues.';
    expect(rulesFired({ note: otherParagraph, charges: '97116:2:GP' })).toContain('repetitive-walking');
  });
  it('does not take a treadmill’s speed or incline for skilled input', () => {
    const settings =
      'O: Treadmill 25 min, 3% incline, speed progressed to 2.4 mph, incline adjusted midway. Walked 300 ft x 2 in the corridor, independent.';
    expect(findingOf({ note: settings, charges: '97116:2:GP' }, 'repetitive-walking')?.severity).toBe(
      'warning',
    );
    // Walking up a ramp is a surface the therapist trains on, not a machine's setting.
    const ramp = 'O: Gait training 25 min: walked 300 ft x 2 with SPC, up and down an incline outdoors, CGA.';
    expect(rulesFired({ note: ramp, charges: '97116:2:GP' })).not.toContain('repetitive-walking');
  });
  it('does not count history or plans as today’s walking', () => {
    const history =
      'S: Pt states she walked to the mailbox and did laps at the mall. O: Gait training 23 min.';
    expect(rulesFired({ note: history, charges: '97116:2:GP' })).not.toContain('repetitive-walking');
    const plan = 'P: Pt will continue walking program for endurance. O: Gait training 23 min.';
    expect(rulesFired({ note: plan, charges: '97116:2:GP' })).not.toContain('repetitive-walking');
  });
});

describe('no-improvement-expected', () => {
  it('warns on a plateau with no maintenance justification', () => {
    const f = findingOf(
      { note: `${SKILLED}\nA: Pt has plateaued in gait.`, charges: '97116:2:GP' },
      'no-improvement-expected',
    );
    expect(f?.severity).toBe('warning');
  });
  it('is info when skilled maintenance is justified', () => {
    const note = `${SKILLED}\nA: Gait is not expected to improve; skilled maintenance program needed to prevent decline, cannot be safely carried out by caregiver.`;
    expect(findingOf({ note, charges: '97116:2:GP' }, 'no-improvement-expected')?.severity).toBe('info');
  });
  it.each([
    ['negation', 'A: No plateau noted; pt continues to progress.'],
    ['not plateaued', 'A: Pt has not plateaued.'],
    ['anatomy', 'Dx: s/p ORIF tibial plateau fracture.'],
    ['anatomy after', 'Edema over the plateau of the medial tibia.'],
    ['good prognosis', 'Prognosis: good for stated goals.'],
    ['conditional', 'Will reassess if progress plateaus.'],
  ])('does not fire on %s', (_, sentence) => {
    expect(rulesFired({ note: `${SKILLED}\n${sentence}`, charges: '97116:2:GP' })).not.toContain(
      'no-improvement-expected',
    );
  });
  it('leaves a plateau of another domain, with no walking in its clause, to that domain', () => {
    for (const sentence of [
      'A: Pt has reached a plateau in balance confidence per ABC scale, but gait speed improved 0.2 m/s this month.',
      'A: Knee ROM has plateaued at 0-105 deg; gait continues to progress toward community distances.',
    ])
      expect(rulesFired({ note: `${SKILLED}\n${sentence}`, charges: '97116:2:GP' }), sentence).not.toContain(
        'no-improvement-expected',
      );
    for (const sentence of [
      'A: Pain has plateaued at 4/10 and gait has plateaued as well.',
      'A: Progress with ambulation has plateaued despite ROM gains.',
    ])
      expect(rulesFired({ note: `${SKILLED}\n${sentence}`, charges: '97116:2:GP' }), sentence).toContain(
        'no-improvement-expected',
      );
  });
  it('fires on poor rehab potential', () => {
    expect(rulesFired({ note: `${SKILLED}\nRehab potential: poor.`, charges: '97116:2:GP' })).toContain(
      'no-improvement-expected',
    );
  });
});

describe('group-session', () => {
  it('fires when gait work was done in a group', () => {
    const note = 'O: Group gait session with 3 other patients in parallel bars, 30 min; VC for step length.';
    const f = findingOf({ note, charges: '97116:2:GP' }, 'group-session');
    expect(f?.fix).toContain('97150');
  });
  it('takes a group stated in the visit’s opening lines for the intervention lines below it', () => {
    // "Gait training 30 min:" opens a section of its own; the opening statement still qualifies it.
    const gym =
      'Outpatient PT – Treatment Note\nPt was treated alongside two other patients in the gym, each on a separate program.\nGait training 30 min: amb 150 ft x 3 with rollator, SBA, cues for posture.';
    const part =
      'Visit 9\nSeen with one other Part B patient, same PT, 0900-0930.\nAmbulation: 25 min, 200 ft x 2 with SPC, CGA, VC for cadence.';
    for (const note of [gym, part])
      expect(rulesFired({ note, charges: '97116:2:GP' }), note).toContain('group-session');
    // A blank line ends the opening paragraph; a one-on-one gait line is not the group's.
    const apart =
      'Pt seen alongside two other patients for ther ex.\n\nGait training 25 min: amb 150 ft with RW, CGA, VC for step length.';
    const oneOnOne =
      'Seen with two other patients for warm-up.\nGait training 1:1 25 min: amb 150 ft with RW, CGA, VC for step length.';
    for (const note of [apart, oneOnOne])
      expect(rulesFired({ note, charges: '97116:2:GP' }), note).not.toContain('group-session');
  });
  it('does not fire on plans, discussions or muscle groups', () => {
    for (const sentence of [
      'Discussed group exercise class for walking at the senior center.',
      'Pt will attend 1-2 group sessions per week for walking.',
      'Strength decreased in all muscle groups; gait slow.',
    ]) {
      expect(rulesFired({ note: `${SKILLED}\n${sentence}`, charges: '97116:2:GP' })).not.toContain(
        'group-session',
      );
    }
  });
});

describe('motion-analysis', () => {
  it('suggests 96000-96004 for a lab study', () => {
    const note =
      'O: 3-D gait analysis in motion analysis lab with force plates and dynamic EMG of 8 muscles.';
    expect(findingOf({ note, charges: '97116:1:GP' }, 'motion-analysis')?.fix).toContain('96000');
  });
  it('does not fire on needle EMG, referrals, or when 96000 is billed', () => {
    expect(rulesFired({ note: 'Plan: EMG/nerve conduction study.', charges: '97116:1:GP' })).not.toContain(
      'motion-analysis',
    );
    expect(
      rulesFired({ note: 'P: Refer to gait lab for motion analysis.', charges: '97116:1:GP' }),
    ).not.toContain('motion-analysis');
    expect(
      rulesFired({ note: 'O: motion analysis lab study with kinematics.', charges: '96000:1' }),
    ).not.toContain('motion-analysis');
  });
});

describe('ncci-pair', () => {
  it('fires on 97116 with 97150 without a distinct-service modifier', () => {
    const f = findingOf({ note: SKILLED, charges: '97116:2:GP,97150:1:GP' }, 'ncci-pair');
    expect(f?.source.effective).toBe('2024-07-01');
  });
  it('does not fire with 59 or XU, nor for pairs that have no edit (97530, 97110, evaluations)', () => {
    expect(rulesFired({ note: SKILLED, charges: '97116:2:GP:59,97150:1:GP' })).not.toContain('ncci-pair');
    expect(rulesFired({ note: SKILLED, charges: '97116:2:GP:XU,96000:1' })).not.toContain('ncci-pair');
    expect(
      rulesFired({ note: SKILLED, charges: '97116:2:GP,97530:1:GP,97110:1:GP,97161:1:GP' }),
    ).not.toContain('ncci-pair');
  });
  it('uses no table before the first effective date, and replacement tables when given', () => {
    expect(
      rulesFired({ note: SKILLED, charges: '97116:2:GP,97150:1:GP', dateOfService: '2023-01-05' }),
    ).not.toContain('ncci-pair');
    const tables = {
      mue: DEFAULT_TABLES.mue,
      ncci: [
        ...DEFAULT_TABLES.ncci,
        {
          kind: 'ncci-ptp' as const,
          effective: '2025-01-01',
          source: 'Org table',
          pairs: [{ column1: '97530', column2: '97116', modifierIndicator: 1 as const }],
        },
      ],
    };
    const enc = encounter({ note: SKILLED, charges: '97116:2:GP,97530:1:GP', dateOfService: '2025-03-01' });
    expect(analyzeEncounter(enc, { tables }).map((f) => f.rule)).toContain('ncci-pair');
    const before = encounter({
      note: SKILLED,
      charges: '97116:2:GP,97530:1:GP',
      dateOfService: '2024-12-31',
    });
    expect(analyzeEncounter(before, { tables }).map((f) => f.rule)).not.toContain('ncci-pair');
  });
});

describe('units-over-mue', () => {
  const note = 'Gait training 75 min with FWW, CGA, 150 ft, VC for step length.';
  it('is an error over 4 units for Medicare, adding every 97116 line', () => {
    const f = findingOf({ note, charges: '97116:3:GP,97116:2:GP:CQ' }, 'units-over-mue');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('5 units');
  });
  it('is a warning for other payers and silent at the limit', () => {
    expect(findingOf({ note, charges: '97116:5', medicare: false }, 'units-over-mue')?.severity).toBe(
      'warning',
    );
    expect(rulesFired({ note, charges: '97116:4:GP' })).not.toContain('units-over-mue');
  });
});

describe('gp-modifier-missing and cq-modifier-missing', () => {
  it('flags a Medicare 97116 line without GP, not a commercial one', () => {
    expect(rulesFired({ note: SKILLED, charges: '97116:2' })).toContain('gp-modifier-missing');
    expect(rulesFired({ note: SKILLED, charges: '97116:2', medicare: false })).not.toContain(
      'gp-modifier-missing',
    );
    expect(rulesFired({ note: SKILLED, charges: '97116:2:GP' })).not.toContain('gp-modifier-missing');
  });
  it('flags CQ when the note names a PTA', () => {
    for (const sentence of [
      'Treatment provided by PTA.',
      'J. Doe, PTA',
      'Gait training with PTA this date.',
    ]) {
      expect(rulesFired({ note: `${SKILLED}\n${sentence}`, charges: '97116:2:GP' })).toContain(
        'cq-modifier-missing',
      );
    }
  });
  it('flags CQ when the page says a PTA furnished care', () => {
    expect(rulesFired({ note: SKILLED, charges: '97116:2:GP', furnishedBy: ['PT', 'PTA'] })).toContain(
      'cq-modifier-missing',
    );
  });
  it('does not take "prior to admission" or a future PTA visit for a PTA, nor fire with CQ present', () => {
    for (const sentence of ['Pt was independent with ambulation PTA.', 'Pt will be seen by PTA next week.']) {
      expect(rulesFired({ note: `${SKILLED}\n${sentence}`, charges: '97116:2:GP' })).not.toContain(
        'cq-modifier-missing',
      );
    }
    expect(rulesFired({ note: `${SKILLED}\nJ. Doe, PTA`, charges: '97116:2:GP:CQ' })).not.toContain(
      'cq-modifier-missing',
    );
    expect(
      rulesFired({ note: `${SKILLED}\nJ. Doe, PTA`, charges: '97116:2', medicare: false }),
    ).not.toContain('cq-modifier-missing');
  });
});

describe('stairs-billed-separately', () => {
  it('fires when stairs are documented under 97530', () => {
    const note = `${SKILLED}\nTher act (97530): stair training 12 steps with rail, step-to pattern, 15 min`;
    expect(
      findingOf({ note, charges: '97116:2:GP,97530:1:GP' }, 'stairs-billed-separately')?.message,
    ).toContain('97530');
  });
  it('does not fire when stairs are under gait training or the other code is not billed', () => {
    const gait = `${SKILLED}\nGait training: stairs x12 with rail, step-to pattern`;
    expect(rulesFired({ note: gait, charges: '97116:2:GP,97530:1:GP' })).not.toContain(
      'stairs-billed-separately',
    );
    const unbilled = `${SKILLED}\nTher act: stair training 12 steps, 15 min`;
    expect(rulesFired({ note: unbilled, charges: '97116:2:GP' })).not.toContain('stairs-billed-separately');
    const exercise = `${SKILLED}\nTher ex: step-ups 3x10, 15 min`;
    expect(rulesFired({ note: exercise, charges: '97116:2:GP,97110:1:GP' })).not.toContain(
      'stairs-billed-separately',
    );
  });
});

describe('documentation-incomplete', () => {
  it('lists the missing elements', () => {
    const f = findingOf(
      { note: 'O: Gait training 23 min with RW.', charges: '97116:2:GP' },
      'documentation-incomplete',
    );
    expect(f?.message).toContain('level of assistance');
    expect(f?.message).toContain('distance');
    expect(f?.message).not.toContain('device');
  });
  it('does not fire on a complete note, and counts "without AD" and "no deviations" as documented', () => {
    expect(rulesFired({ note: SKILLED, charges: '97116:2:GP' })).not.toContain('documentation-incomplete');
    const note = 'O: Gait training 23 min: amb 200 ft without AD, SBA, no gait deviations noted.';
    expect(rulesFired({ note, charges: '97116:2:GP' })).not.toContain('documentation-incomplete');
  });
  it('counts a distance written in words, as dictation gives it', () => {
    for (const note of [
      'O: She was seen for twenty-five minutes of gait training with a front-wheeled walker on level ground, needing contact guard assistance, with verbal cues to step through. Distance was one hundred fifty feet three times.',
      'O: Gait training 24 min: walked about sixty feet twice with a quad cane, min assist, tactile cues at the hip for weight shift.',
    ])
      expect(rulesFired({ note, charges: '97116:2:GP' }), note).not.toContain('documentation-incomplete');
  });
  it('reads one walk written as clauses chained with semicolons', () => {
    const chained =
      'O: Gait training (97116): 23 min with a rolling walker on tile and a threshold; verbal and tactile cues for step length; CGA for turns, SBA on straight paths 150 ft x 3.';
    expect(rulesFired({ note: chained, charges: '97116:2:GP' })).not.toContain('documentation-incomplete');
    const second =
      'O: Ambulation training 97116: 25 min; FWW, Min A on ramp; 2 sets of 60 ft; VC for upright posture and wider base.';
    expect(rulesFired({ note: second, charges: '97116:2:GP' })).not.toContain('documentation-incomplete');
    // A new sentence ends the walk: a distance written after it is not this walk's.
    const apart = 'O: Gait training 23 min with RW, CGA, VC for step length. Bike 10 min; 2 miles.';
    expect(findingOf({ note: apart, charges: '97116:2:GP' }, 'documentation-incomplete')?.message).toContain(
      'distance',
    );
  });
  it('reads a walk written over wrapped lines and sub-lines, up to the next entry', () => {
    const wrapped =
      'Gait training 97116: 25 min with SPC, CGA; after a seated rest, a second bout outdoors on the\nsidewalk, 300 ft, VC for step length.';
    expect(rulesFired({ note: wrapped, charges: '97116:2:GP' })).not.toContain('documentation-incomplete');
    const subLines =
      'Gait training 97116 - 25 min\n  - FWW, SBA on level tile\n  - turns to the L practised,\n    120 ft x 3\n  - VC for upright trunk';
    expect(rulesFired({ note: subLines, charges: '97116:2:GP' })).not.toContain('documentation-incomplete');
  });
  it('does not take a distance from another entry, another paragraph or a wrapped history sentence', () => {
    const lacksDistance = (note: string) =>
      findingOf({ note, charges: '97116:2:GP' }, 'documentation-incomplete')?.message ?? '';
    // Another intervention's line ends the walk.
    expect(
      lacksDistance(
        'Gait training 97116 - 25 min, SPC, CGA, VC for step length\nTher ex 97110 - 10 min, bike 2 miles',
      ),
    ).toContain('distance');
    // A blank line ends it.
    expect(
      lacksDistance(
        'Gait training 25 min with SPC, CGA, VC for step length\n\nPt lives 2 miles from clinic.',
      ),
    ).toContain('distance');
    // A sentence begun in the past goes on in the past on its next line.
    expect(
      lacksDistance(
        'Gait training 25 min with SPC, CGA, VC for step length. She states she used to walk\n2 miles a day.',
      ),
    ).toContain('distance');
  });
  it('reads a gait entry that opens with its code, the distance in primes', () => {
    const terse =
      "97116 - 24 min - 4WW, min A, 75' x 4, VC to slow cadence\n97110 - 14 min - sit to stand x 10";
    expect(rulesFired({ note: terse, charges: '97116:2:GP,97110:1:GP' })).not.toContain(
      'documentation-incomplete',
    );
  });
  it('does not count goals as documentation', () => {
    const note =
      'O: Gait training 23 min.\nGOALS: Pt will ambulate 150 ft with SPC, mod I, with normal step length.';
    expect(findingOf({ note, charges: '97116:2:GP' }, 'documentation-incomplete')?.message).toContain(
      'distance',
    );
  });
});

describe('engine contract', () => {
  it('runs only the Medicare modifier rules (GP, CQ, KX) for Medicare alone', () => {
    expect(RULES.filter((r) => r.medicareOnly).map((r) => r.id)).toEqual([
      'gp-modifier-missing',
      'cq-modifier-missing',
      'kx-modifier-missing',
    ]);
  });
  it('sorts error → warning → info and honours disabled rules', () => {
    const spec = { note: 'O: Gait training 10 min.', charges: '97116:6' };
    const severities = analyzeEncounter(encounter(spec)).map((f) => f.severity);
    expect(severities.length).toBeGreaterThan(2);
    expect([...severities].sort(bySeverity)).toEqual(severities);
    const disabled = analyzeEncounter(encounter(spec), {
      disabledRules: ['units-exceed-minutes', 'units-over-mue'],
    });
    expect(disabled.map((f) => f.rule)).not.toContain('units-exceed-minutes');
    expect(disabled.map((f) => f.rule)).not.toContain('units-over-mue');
  });
  it('never reports anything for an encounter with nothing billed and no note', () => {
    expect(analyzeEncounter(encounter({}))).toEqual([]);
  });
});
