import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FACT_LABEL } from '../../../src/reader/scan';

describe('FACT_LABEL', () => {
  it('matches no text shorter than three characters, so the walk skips those', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2 }), (text) => {
        expect(FACT_LABEL.test(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(FACT_LABEL.test('dos')).toBe(true);
  });
});
