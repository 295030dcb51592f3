import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../src/engine/model';
import { SEVERITY_GROUP_KEY, SEVERITY_KEY, SEVERITY_ORDER } from '../../../src/ui/components/severity';

describe('the UI severity order', () => {
  it('is the engine order, so the pill, popup and side panel group findings as the engine sorts them', () => {
    expect(SEVERITY_ORDER).toEqual(SEVERITIES);
  });

  it('has a group heading and a label for every severity', () => {
    for (const severity of SEVERITIES) {
      expect(SEVERITY_GROUP_KEY[severity]).toBeTruthy();
      expect(SEVERITY_KEY[severity]).toBeTruthy();
    }
  });
});
