import { describe, expect, it } from 'vitest';
import { rulesFired } from './helpers';
import { TRAPS } from './traps';

describe('language traps shared with the benchmark', () => {
  it.each(TRAPS.map((t) => [t.rule, t.fires ? 'fires' : 'stays silent', t.note, t] as const))(
    '%s %s on %j',
    (_rule, _verb, _note, trap) => {
      const fired = rulesFired({ note: trap.note, charges: '97116:2:GP' });
      if (trap.fires) expect(fired).toContain(trap.rule);
      else expect(fired).not.toContain(trap.rule);
    },
  );
});
