import { describe, expect, it } from 'vitest';
import { applyPolicy, parsePolicy } from '../../../src/shared/policy';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

describe('a managed policy read key by key', () => {
  it('applies the good keys, the lock included, when one rule id is misspelt', () => {
    const read = parsePolicy({
      sites: [{ origin: 'https://emr.example.org', method: 'per-code', medicare: false }],
      disabledRules: ['motion-analysis', 'repetitve-walking'],
      lock: true,
    });
    expect(read.policy).toEqual({
      sites: [{ origin: 'https://emr.example.org', method: 'per-code', medicare: false }],
      disabledRules: ['motion-analysis'],
      lock: true,
    });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toContain('repetitve-walking');
    const effective = applyPolicy(structuredClone(DEFAULT_SETTINGS), read.policy);
    expect(effective.lockedOrigins).toEqual(['https://emr.example.org']);
    expect(effective.lockedRules).toEqual(['motion-analysis']);
  });

  it('keeps a site whose method is in capitals, without the method, and lists the method', () => {
    const read = parsePolicy({
      sites: [
        { origin: 'https://emr.example.org:8443', method: 'CMS' },
        { origin: 'not a url' },
        { origin: 'https://fees.example.org', medicare: 'yes' },
      ],
      lock: true,
    });
    expect(read.policy?.sites).toEqual([
      { origin: 'https://emr.example.org:8443' },
      { origin: 'https://fees.example.org' },
    ]);
    expect(read.policy?.lock).toBe(true);
    expect(read.problems).toHaveLength(3);
    expect(read.problems.join('\n')).toMatch(/"CMS"/);
    expect(read.problems.join('\n')).toMatch(/not a url/);
  });

  it('lists a lock that is not a boolean and unknown keys, and applies the rest unlocked', () => {
    const read = parsePolicy({ lock: 'true', disabledRules: ['group-session'], colour: 'blue' });
    expect(read.policy).toEqual({ disabledRules: ['group-session'] });
    expect(read.problems).toHaveLength(2);
  });

  it('treats no policy as no policy', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: undefined, problems: [] });
    expect(parsePolicy({})).toEqual({ policy: undefined, problems: [] });
  });
});

describe('the managed schema', () => {
  it('lists exactly the rule ids and methods the policy parser accepts', async () => {
    const { readFileSync } = await import('node:fs');
    const { RULE_IDS } = await import('../../../src/engine/model');
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: {
        disabledRules: { items: { enum: string[] } };
        sites: { items: { properties: { method: { enum: string[] } } } };
      };
    };
    expect(schema.properties.disabledRules.items.enum).toEqual([...RULE_IDS]);
    expect(schema.properties.sites.items.properties.method.enum).toEqual(['cms', 'per-code']);
  });
});
