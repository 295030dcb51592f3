/**
 * Our own encounters for the Medplum app (src/resources.ts makes them FHIR resources). The notes are written
 * for these tests; the expected findings of each are asserted in test/e2e/medplum-chromium.e2e.ts. Plain
 * data, free of Medplum's types, so the end-to-end test and the root typecheck need none of Medplum.
 */

export interface Person {
  id: string;
  given: string;
  family: string;
}

export interface DemoEncounter {
  /** The Encounter id, also the route's key: /Patient/<patient>/Encounter/<id>/chart */
  id: string;
  title: string;
  patient: Person & { birthDate: string };
  /** `credential` is shown after the name, as Medplum shows a name's suffix ("Rosa Alvarez PT"). */
  practitioner: Person & { credential: string };
  note: string;
  /** `display`: the coding's display text, which Medplum's pill shows in place of the code. */
  charges: { code: string; units: number; modifiers: string[]; display?: string }[];
}

function patient(id: string, given: string, family: string, birthDate: string): DemoEncounter['patient'] {
  return { id, given, family, birthDate };
}

function practitioner(
  id: string,
  given: string,
  family: string,
  credential: string,
): DemoEncounter['practitioner'] {
  return { id, given, family, credential };
}

const gait = (units: number, modifiers: string[]) => ({ code: '97116', units, modifiers });

export const ENCOUNTERS: readonly DemoEncounter[] = [
  {
    id: 'enc-20451',
    title: 'Outpatient PT follow-up',
    patient: patient('pat-7120', 'Lorraine', 'Whitcomb', '1948-03-02'),
    practitioner: practitioner('prac-31', 'Rosa', 'Alvarez', 'PT'),
    note: [
      'S: Pt reports walking to the mailbox with the cane since last week; no falls.',
      'O: Gait training (97116): 24 min. Overground gait with single-point cane, 2 x 150 ft. Decreased R stance time and short L step length at start; verbal and tactile cues for heel strike and equal step length, faded to occasional cues by the second bout. Trained curb step-up with cane, CGA. 10MWT 0.71 m/s (0.62 m/s last week).',
      'A: Gait speed and step symmetry improving with cueing; pt progressing toward community ambulation goal.',
      'P: Continue POC 2x/wk; progress to uneven surfaces.',
      'Treating therapist: R. Alvarez, PT',
    ].join('\n'),
    charges: [gait(2, ['GP'])],
  },
  {
    id: 'enc-20452',
    title: 'Outpatient PT follow-up',
    patient: patient('pat-7121', 'Desmond', 'Achterberg', '1956-11-19'),
    practitioner: practitioner('prac-32', 'Marcus', 'Osei', 'PT'),
    note: [
      'S: Pt states L knee stiffness in the morning, better after moving.',
      'O: Gait training (97116): 18 min. Ambulated 2 x 120 ft with rolling walker on level surfaces, min assist for turns; antalgic pattern with decreased L knee flexion in swing. Cues for walker sequencing and L heel strike. TUG 16.2 s.',
      'A: Tolerated well; needs fewer cues for sequencing than at the last visit.',
      'P: Continue POC; begin stair training next visit.',
      'Treating therapist: M. Osei, PT',
    ].join('\n'),
    charges: [gait(3, ['GP'])],
  },
  {
    id: 'enc-20453',
    title: 'Skilled nursing facility PT visit',
    patient: patient('pat-7122', 'Ines', 'Barroso', '1939-06-27'),
    practitioner: practitioner('prac-33', 'Dana', 'Kowalczyk', 'PT'),
    note: [
      'S: Pt reports no change; walks in the apartment with a rollator.',
      'O: Gait training (97116): 25 min. Walked laps around the nursing unit for endurance, 4 x 200 ft with rollator, standby assist. Seated rest between laps.',
      'A: Walking distance has plateaued over the last four weeks; no further improvement expected. Rehab potential for gait is poor.',
      'P: Continue walking program 3x/wk.',
      'Treating therapist: D. Kowalczyk, PT',
    ].join('\n'),
    charges: [gait(2, ['GP'])],
  },
  {
    id: 'enc-20454',
    title: 'Outpatient PT follow-up',
    patient: patient('pat-7123', 'Tobias', 'Lindqvist', '1951-01-08'),
    practitioner: practitioner('prac-34', 'Jae-won', 'Park', 'PTA'),
    note: [
      'S: Pt reports increased confidence walking outside with the quad cane.',
      'O: Gait training (97116): 26 min. Ambulated with quad cane 3 x 100 ft on level and 1 x 60 ft on grass; R foot drag in swing with fatigue. Cues for R hip and knee flexion and cane placement; tactile cue at R hip. Practiced turning 180 degrees with cane, CGA.',
      'A: Fewer episodes of foot drag than last session; progressing per POC.',
      'P: Continue per POC established by supervising PT.',
      'Treatment provided by J. Park, PTA, under the supervision of S. Ramirez, PT.',
    ].join('\n'),
    charges: [gait(2, [])],
  },
  {
    // The line as many Medplum projects hold it: the CPT coding carries a display, and the disabled
    // "CPT Code" field shows that text, not the code. Nothing on screen says 97116.
    id: 'enc-20455',
    title: 'Outpatient PT follow-up',
    patient: patient('pat-7124', 'Halima', 'Oyelaran', '1944-09-14'),
    practitioner: practitioner('prac-31', 'Rosa', 'Alvarez', 'PT'),
    note: [
      'S: Pt reports one near-fall stepping off a bus; no injury.',
      'O: Gait training (97116): 23 min. Ambulated with rollator 3 x 120 ft and over a 6-inch curb, CGA; narrow base of support and reduced L toe clearance. Cues for wider stance and L hip flexion; practiced curb descent with rollator.',
      'A: Better toe clearance with cues; curb descent still needs CGA.',
      'P: Continue POC; add obstacle negotiation.',
      'Treating therapist: R. Alvarez, PT',
    ].join('\n'),
    charges: [{ ...gait(2, ['GP']), display: 'Gait training' }],
  },
];
