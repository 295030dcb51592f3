import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/engine/index';
import { RULE_IDS, SEVERITIES } from '../../../src/engine/model';
import { ALL_RULES } from '../../../src/engine/rules/index';
import type { Rule } from '../../../src/engine/rules/types';

/** Every module of src/engine/rules, by file name (vitest resolves the glob at transform time). */
const MODULES = import.meta.glob<Record<string, unknown>>('../../../src/engine/rules/*.ts', { eager: true });

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && 'evaluate' in value && 'id' in value;
}

describe('rule registry', () => {
  const defined = Object.entries(MODULES).flatMap(([file, exports]) =>
    Object.values(exports)
      .filter(isRule)
      .map((rule) => ({ file: file.slice(file.lastIndexOf('/') + 1), rule })),
  );

  it('finds the rule modules it is meant to check', () => {
    expect(defined.length).toBeGreaterThanOrEqual(13);
  });

  it('registers every rule that a module in src/engine/rules defines, from a file named by its id', () => {
    for (const { file, rule } of defined) {
      expect(file, rule.id).toBe(`${rule.id}.ts`);
      expect(ALL_RULES as readonly Rule[], `${file} is not listed in rules/index.ts`).toContain(rule);
    }
  });

  it('has one rule per id of RULE_IDS, in the same order', () => {
    expect(ALL_RULES.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    expect(RULES.map((rule) => rule.id)).toEqual([...RULE_IDS]);
  });

  it('gives every rule a title, a description, a severity and a citation', () => {
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(5);
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
      expect(SEVERITIES, rule.id).toContain(rule.severity);
      expect(rule.citation.title.length, rule.id).toBeGreaterThan(5);
    }
  });
});
