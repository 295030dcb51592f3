/**
 * Property (domain doc §4, §8): CQ never fires when no PTA furnished 97116 time, however the note names a
 * PTA: on another code's line, working together with the PT, on a co-signature, on a CQ line of its own
 * beside the PT's, in the plan for a later visit. And it does fire when the PTA furnished the gait time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulesFired } from './helpers';

const GAIT_BY_PT = [
  'Gait training 97116 - 24 min, L. Chen, PT: RW, CGA, 100 ft x 3; VC for step length.',
  'Gait training (97116): 26 min with SPC, SBA, 200 ft x 2; TC at the hip for stance. L. Chen, PT.',
  'GT 97116 25 min: quad cane, min A, 60 ft x 3, VC for heel strike.',
];

/** A PTA named in a way that puts no PTA-alone time on 97116, with the charges that go with it. */
const PTA_NOT_ON_GAIT: readonly [string, string][] = [
  ['Ther ex 97110 - 15 min, performed by M. Ruiz, PTA: seated LE strengthening.', '97110:1:GP:CQ'],
  ['Therapeutic activities 97530: 12 min with D. Price, PTA, transfer training.', '97530:1:GP:CQ'],
  ['Gait work: PT treated with PTA assisting throughout (PTA managing the IV pole).', ''],
  ['Signed: L. Chen, PT / M. Ruiz, PTA', ''],
  ['Plan: PTA to see pt next week for HEP review.', ''],
  ['Manual therapy 97140 8 min by J. Okafor, PTA.', '97140:1:GP:CQ'],
];

describe('CQ and who furnished the gait time', () => {
  it('never fires when no PTA furnished 97116 time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GAIT_BY_PT),
        fc.subarray([...PTA_NOT_ON_GAIT], { minLength: 1 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 2 }),
        (gait, ptas, ptaFirst, units) => {
          const lines = ptas.map(([line]) => line);
          const note = (ptaFirst ? [...lines, gait] : [gait, ...lines]).join('\n');
          const charges = [`97116:${units}:GP`, ...ptas.map(([, c]) => c).filter(Boolean)].join(',');
          expect(rulesFired({ note, charges })).not.toContain('cq-modifier-missing');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a PTA line with CQ beside the PT line needs nothing more', () => {
    const note =
      'AM (L. Chen, PT): Gait training 97116 - 30 min, RW, CGA.\nPM (D. Price, PTA): Gait training 97116 - 25 min, RW, SBA.';
    expect(rulesFired({ note, charges: '97116:2:GP,97116:2:GP:CQ' })).not.toContain('cq-modifier-missing');
  });

  it('fires when the PTA furnished the gait time, on its line or for the whole visit', () => {
    for (const note of [
      'Gait training 97116 - 24 min, performed by D. Price, PTA: RW, CGA, 100 ft x 3.',
      'Treating clinician: Dana Price, PTA\nGait training 97116: 26 min, SPC, SBA, 300 ft x 2.',
    ]) {
      expect(rulesFired({ note, charges: '97116:2:GP' }), note).toContain('cq-modifier-missing');
    }
  });
});
