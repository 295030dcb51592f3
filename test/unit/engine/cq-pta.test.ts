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
