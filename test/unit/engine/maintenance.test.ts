/**
 * BPM ch.15 §220.2 D (domain doc §1, §6): skilled maintenance is covered when a therapist must design the
 * program, or must deliver it because of its complexity or the patient's medical complications, and the
 * note says why a caregiver could not do it safely. "Continues to need skilled cueing for safety" calls
 * the cueing skilled without saying why: a conclusion, not a justification, so the warning stays.
 */
import { describe, expect, it } from 'vitest';
import { findingOf } from './helpers';

const OBJECTIVE = 'O: Gait training 23 min: amb 150 ft x2 with FWW, CGA; VC for step length and heel strike.';
const PLATEAU =
  'A: Pt has plateaued in gait speed over the last 4 weeks and is not expected to improve further.';

describe('no-improvement-expected: what counts as a skilled-maintenance justification', () => {
  it('warns on the demo assessment: "continues to need skilled cueing for safety" is not a justification', () => {
    const note = `${OBJECTIVE}\n${PLATEAU} Continues to need skilled cueing for safety.`;
    const f = findingOf({ note, charges: '97116:2:GP' }, 'no-improvement-expected');
    expect(f?.severity).toBe('warning');
    expect(f?.fix).toContain('skilled maintenance');
  });
  it('is info once the note says why a caregiver cannot give the cueing safely', () => {
    const note = `${OBJECTIVE}\n${PLATEAU} Cueing for freezing at doorways cannot be safely provided by caregiver; skilled maintenance program to prevent decline.`;
    expect(findingOf({ note, charges: '97116:2:GP' }, 'no-improvement-expected')?.severity).toBe('info');
  });
  it('is info when the therapist must design the program because of medical complications', () => {
    const note = `${OBJECTIVE}\n${PLATEAU} Orthostatic hypotension and medical complications require the skills of a physical therapist to progress the program safely.`;
    expect(findingOf({ note, charges: '97116:2:GP' }, 'no-improvement-expected')?.severity).toBe('info');
  });
});
