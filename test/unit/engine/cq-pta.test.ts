import { describe, expect, it } from 'vitest';
import { findingOf, rulesFired } from './helpers';

const VISIT =
  'S: Pt reports less knee pain.\nO: Gait training 45 min: amb 150 ft x3 with FWW, CGA; VC for step length and heel strike.\nA: Gait speed improving.\nP: Continue POC 2x/week.';

describe('cq-modifier-missing: who furnished the care, after the plan', () => {
  it('fires on "Treatment provided by J. Okafor, PTA, under supervision of L. Chen, PT." after the plan', () => {
    const note = `${VISIT}\nTreatment provided by J. Okafor, PTA, under supervision of L. Chen, PT.`;
    const f = findingOf({ note, charges: '97116:3' }, 'cq-modifier-missing');
    expect(f?.severity).toBe('warning');
    const quoted = f?.evidence.find((e) => e.kind === 'note');
    expect(quoted?.quote).toContain('Okafor, PTA');
  });
  it('fires on a PTA signature line after the plan', () => {
    expect(rulesFired({ note: `${VISIT}\nJ. Okafor, PTA`, charges: '97116:3:GP' })).toContain(
      'cq-modifier-missing',
    );
    expect(
      rulesFired({
        note: `${VISIT}\nElectronically signed by: Jane Okafor, LPTA 09/10/2024`,
        charges: '97116:3:GP',
      }),
    ).toContain('cq-modifier-missing');
  });
  it('stays silent when the line carries CQ or the payer is not Medicare', () => {
    const note = `${VISIT}\nTreatment provided by J. Okafor, PTA, under supervision of L. Chen, PT.`;
    expect(rulesFired({ note, charges: '97116:3:GP:CQ' })).not.toContain('cq-modifier-missing');
    expect(rulesFired({ note, charges: '97116:3', medicare: false })).not.toContain('cq-modifier-missing');
  });
  it.each([
    ['PTA as prior to admission', `${VISIT}\nPt lived alone and ambulated with SPC PTA.`],
    ['a PT/PTA plan of care discussion', `${VISIT}\nPT/PTA plan of care discussed with pt.`],
    ['a plan for the PTA', `${VISIT} PTA to follow up next week.`],
    ['a PTA named for a future visit', `${VISIT}\nPt to be seen by J. Okafor, PTA next week.`],
    ['a signed PT note', `${VISIT}\nTreatment provided by L. Chen, PT.`],
  ])('stays silent on %s', (_, note) => {
    expect(rulesFired({ note, charges: '97116:3:GP' })).not.toContain('cq-modifier-missing');
  });
});

describe("cq-modifier-missing: a PTA's own time after time shared with the PT", () => {
  it('takes "PTA then completed" and "PTA also performed" as the PTA furnishing gait time', () => {
    const shared =
      'Gait training performed by PT and PTA together for 20 minutes (co-treatment): amb 100 ft x 4 w/ hemi walker, mod A, facilitation at L pelvis.';
    for (const own of [
      'PTA then completed gait training alone for 6 minutes on the stairs (4 steps x 3, step-to, 1 rail).',
      'The PTA also performed gait training on the ramp for 8 min with CGA, VC for step length.',
    ])
      expect(rulesFired({ note: `${shared}\n${own}`, charges: '97116:2:GP' }), own).toContain(
        'cq-modifier-missing',
      );
  });
  it('keeps time the PT and PTA furnished together as the PT’s', () => {
    const note =
      'Gait training performed by PT and PTA together for 26 minutes (co-treatment): amb 100 ft x 4 w/ hemi walker, mod A, VC for sequencing.';
    expect(rulesFired({ note, charges: '97116:2:GP' })).not.toContain('cq-modifier-missing');
  });
});
