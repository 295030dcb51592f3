import { describe, expect, it } from 'vitest';
import { layoutOf, sectionAt } from '../../../src/engine/note/layout';

describe('layoutOf', () => {
  it('splits sentences at line ends and at . ! ? ; before a blank, and finds SOAP sections', () => {
    const text = 'S: pt walks. Denies pain;ok\nO: gait 3.5 m/s!\nP: will progress? yes';
    const layout = layoutOf(text);
    const sentences = layout.sentenceStarts
      .map((s, i) => text.slice(s, layout.sentenceStarts[i + 1]).trim())
      .filter((s) => s !== '');
    expect(sentences).toEqual([
      'S: pt walks.',
      'Denies pain;ok',
      'O: gait 3.5 m/s!',
      'P: will progress?',
      'yes',
    ]);
    expect(layout.sectionKinds).toEqual(['history', 'objective', 'plan']);
  });

  it('starts a section at a heading of known kind; a sub-heading keeps the section it sits in', () => {
    const text = [
      'Subjective: pt reports less pain.',
      '2. Assessment: improving.',
      'Short-term goals: amb 300 ft.',
      'Motor: fair trunk control.',
      '  O: amb 150 ft with FWW.',
    ].join('\n');
    const layout = layoutOf(text);
    const kindOf = (line: string) => sectionAt(layout, text.indexOf(line));
    expect(kindOf('Subjective')).toBe('history');
    expect(kindOf('2. Assessment')).toBe('assessment');
    expect(kindOf('Short-term goals')).toBe('plan');
    expect(kindOf('Motor:')).toBe('plan');
    expect(kindOf('  O:')).toBe('objective');
  });

  it('takes a line holding only a main section name, without a colon, as a heading', () => {
    const text = [
      'Subjective: pt reports stiffness.',
      'Interventions',
      'Gait Training   97116   24',
      'ASSESSMENT',
      'Step length improving.',
      'Plan of care',
      'Continue 2x/wk.',
      'Gait Training',
      'Distance',
    ].join('\n');
    const layout = layoutOf(text);
    const kindOf = (line: string) => sectionAt(layout, text.indexOf(line));
    expect(kindOf('Gait Training   97116')).toBe('objective');
    expect(kindOf('Step length')).toBe('assessment');
    expect(kindOf('Continue')).toBe('plan');
    // A flowsheet's field label alone on its line is no section name.
    expect(kindOf('Distance')).toBe('plan');
  });

  it('reads a field label about a plan item done today as a field, not a plan heading', () => {
    const text = [
      'S: no falls.',
      'HEP Reviewed: yes',
      'Plan of Care Reviewed: signed',
      'Long-Term Goal Status: progressing',
      'Gait: 250 ft SPC',
      'Short-term goals to be completed in 3 weeks: amb 500 ft',
      'Goals: amb community distances',
    ].join('\n');
    const layout = layoutOf(text);
    const kindOf = (line: string) => sectionAt(layout, text.indexOf(line));
    expect(kindOf('HEP Reviewed')).toBe('history');
    expect(kindOf('Long-Term Goal Status')).toBe('history');
    expect(kindOf('Gait: 250')).toBe('objective');
    expect(kindOf('Short-term goals')).toBe('plan');
    expect(kindOf('Goals: amb')).toBe('plan');
  });
});
