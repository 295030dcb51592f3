/**
 * Short notes that separate real findings from look-alikes for the four language rules (walking without
 * skilled input, no improvement expected, group session, motion analysis). Shared by traps.test.ts, which
 * holds the engine to `fires`, and by bench/engine.ts, which measures how often a keyword matcher agrees.
 */
import type { RuleId } from '../../../src/engine/model';

export type LanguageRule = Extract<
  RuleId,
  'repetitive-walking' | 'no-improvement-expected' | 'group-session' | 'motion-analysis'
>;

export const LANGUAGE_RULES: readonly LanguageRule[] = [
  'repetitive-walking',
  'no-improvement-expected',
  'group-session',
  'motion-analysis',
];

export interface Trap {
  rule: LanguageRule;
  note: string;
  /** Whether the engine must report `rule` on this note with a 97116 × 2 GP charge. */
  fires: boolean;
}

const SKILLED = 'O: Gait training 23 min: amb 150 ft x2 with FWW, CGA; VC for step length and heel strike.';

export const TRAPS: readonly Trap[] = [
  {
    rule: 'repetitive-walking',
    note: 'O: Pt ambulated 300 ft x 3 in hallway for endurance. Gait training 23 min.',
    fires: true,
  },
  { rule: 'repetitive-walking', note: 'O: Amb 200 ft with RW. GT 23 min.', fires: true },
  {
    rule: 'repetitive-walking',
    note: 'O: Walked 4 laps around the unit with the aide. Gait training 25 min.',
    fires: true,
  },
  {
    rule: 'repetitive-walking',
    note: 'O: Ambulated 300 ft x 3 in hallway; VC for increased step length, TC at pelvis. GT 23 min.',
    fires: false,
  },
  {
    rule: 'repetitive-walking',
    note: 'S: Pt states she walked to the mailbox and did laps at the mall. O: Gait training 23 min.',
    fires: false,
  },
  {
    rule: 'repetitive-walking',
    note: 'P: Pt will continue walking program for endurance. O: Gait training 23 min.',
    fires: false,
  },
  {
    rule: 'repetitive-walking',
    note: 'O: Ambulated 200 ft in hallway for endurance with a 6MWT at the end: 310 m. Gait training 25 min.',
    fires: false,
  },
  { rule: 'no-improvement-expected', note: `${SKILLED}\nA: Pt has plateaued in gait.`, fires: true },
  { rule: 'no-improvement-expected', note: `${SKILLED}\nRehab potential: poor.`, fires: true },
  {
    rule: 'no-improvement-expected',
    note: `${SKILLED}\nA: Gait not expected to improve further given progression of Parkinson disease.`,
    fires: true,
  },
  {
    rule: 'no-improvement-expected',
    note: `${SKILLED}\nA: No plateau noted; pt continues to progress.`,
    fires: false,
  },
  { rule: 'no-improvement-expected', note: `${SKILLED}\nA: Pt has not plateaued.`, fires: false },
  {
    rule: 'no-improvement-expected',
    note: `${SKILLED}\nDx: s/p ORIF tibial plateau fracture.`,
    fires: false,
  },
  { rule: 'no-improvement-expected', note: `${SKILLED}\nPrognosis: good for stated goals.`, fires: false },
  { rule: 'no-improvement-expected', note: `${SKILLED}\nWill reassess if progress plateaus.`, fires: false },
  {
    rule: 'group-session',
    note: 'O: Group gait session with 3 other patients in parallel bars, 30 min; VC for step length.',
    fires: true,
  },
  {
    rule: 'group-session',
    note: `${SKILLED}\nGait training performed concurrently with 2 other patients in the gym.`,
    fires: true,
  },
  {
    rule: 'group-session',
    note: `${SKILLED}\nDiscussed group exercise class for walking at the senior center.`,
    fires: false,
  },
  {
    rule: 'group-session',
    note: `${SKILLED}\nPt will attend 1-2 group sessions per week for walking.`,
    fires: false,
  },
  {
    rule: 'group-session',
    note: `${SKILLED}\nStrength decreased in all muscle groups; gait slow.`,
    fires: false,
  },
  {
    rule: 'motion-analysis',
    note: 'O: 3-D gait analysis in motion analysis lab with force plates and dynamic EMG of 8 muscles.',
    fires: true,
  },
  {
    rule: 'motion-analysis',
    note: `${SKILLED}\nInstrumented gait study with reflective markers and plantar pressure mat today.`,
    fires: true,
  },
  { rule: 'motion-analysis', note: 'P: Refer to gait lab for motion analysis.', fires: false },
  { rule: 'motion-analysis', note: `${SKILLED}\nPlan: EMG/nerve conduction study.`, fires: false },
  {
    rule: 'motion-analysis',
    note: `${SKILLED}\nObservational gait analysis: decreased knee flexion in swing on the R.`,
    fires: false,
  },
];
