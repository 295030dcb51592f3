/**
 * The real notes of ../shared/corpus/notes (MTSamples), each paired with a 97116 charge. Most are
 * evaluations and consults without minutes; what fires, and why, is recorded here so a change shows up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../corpus-dir';
import { rulesFired } from './helpers';

const CORPUS = CORPUS_DIR;
const note = (name: string) => readFileSync(path.join(CORPUS, name), 'utf8');

/** Rules expected on each note with a 97116 × 2 GP charge (Medicare, CMS). */
const EXPECTED: Record<string, string[]> = {
  // Recreation-therapy evaluation: no gait minutes; no device, assistance, distance or cues. "Group
  // sessions" appear only as a plan ("will attend"), so group-session must stay silent.
  '1859_mts2570_therapeutic-recreation-initial-evaluation.txt': [
    'minutes-not-documented',
    'documentation-incomplete',
  ],
  // Ankle sprain evaluation: antalgic gait, walking boot, 600 ft in a 6-minute walk test (an objective
  // measure, so not "repetitive"); no assistance level written.
  '1861_mts1612_physical-therapy-ankle-sprain.txt': ['minutes-not-documented', 'documentation-incomplete'],
  // Knee OA evaluation: walker and standby/contact-guard assist are documented, but the only distances
  // ("walk 5 feet", "ambulate 20 feet") are goals, and no deviation or cue is written.
  '1862_mts1632_physical-therapy-osteoarthritis.txt': ['minutes-not-documented', 'documentation-incomplete'],
  // Back-pain evaluation: no device ("without the use of assistive device"), independent, 400/700 ft in
  // a six-minute walk test, a mild limp: every element is there; only the minutes are missing.
  '1864_mts1613_physical-therapy-back-pain.txt': ['minutes-not-documented'],
};

describe('corpus notes', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));

  it('has the 29 notes', () => {
    expect(files.length).toBe(29);
  });

  it.each(Object.entries(EXPECTED))('%s fires exactly the recorded rules', (file, expected) => {
    expect(rulesFired({ note: note(file), charges: '97116:2:GP' }).sort()).toEqual([...expected].sort());
  });

  it.each(files)('%s: no false language flags', (file) => {
    const fired = rulesFired({ note: note(file), charges: '97116:2:GP' });
    // None of these notes documents a plateau of gait, a group session, a motion lab, a PTA, repetitive
    // walking as treatment, or stairs under another code; every one lacks minutes.
    for (const rule of [
      'no-improvement-expected',
      'group-session',
      'motion-analysis',
      'cq-modifier-missing',
      'repetitive-walking',
      'stairs-billed-separately',
      'units-exceed-minutes',
      'units-over-mue',
      'gp-modifier-missing',
      'ncci-pair',
    ]) {
      expect(fired).not.toContain(rule);
    }
    expect(fired).toContain('minutes-not-documented');
  });

  it('tibial plateau (knee pain consult) and plateau of the femoral condyle are anatomy, not progress', () => {
    expect(rulesFired({ note: note('na_mts66_knee-back-pain.txt'), charges: '97116:2:GP' })).not.toContain(
      'no-improvement-expected',
    );
    expect(
      rulesFired({ note: note('na_mts2046_occupational-medicine-consult-3.txt'), charges: '97116:2:GP' }),
    ).not.toContain('no-improvement-expected');
  });

  it('a real note with treatment lines added is read for minutes and units', () => {
    const text = `${note('1861_mts1612_physical-therapy-ankle-sprain.txt')}\nTREATMENT TODAY:\nGait training (97116): 12 min, VC for heel strike with walking boot, CGA, 100 ft x2.\nTotal timed minutes: 12`;
    const fired = rulesFired({ note: text, charges: '97116:2:GP' });
    expect(fired).toContain('units-exceed-minutes');
    expect(fired).not.toContain('minutes-not-documented');
    expect(fired).not.toContain('documentation-incomplete');
  });

  it('1866 (pool therapy incorporating endurance) does not read as repetitive walking, even with minutes', () => {
    const text = `${note('1866_mts2567_physical-therapy-outpatient-rehab.txt')}\nGait training 23 min.`;
    expect(rulesFired({ note: text, charges: '97116:2:GP' })).not.toContain('repetitive-walking');
  });
});
