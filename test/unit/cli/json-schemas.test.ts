import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../../src/cli/json-schemas';

const DIR = path.resolve(__dirname, '../../../schemas');

describe('schemas/ (the published JSON Schemas)', () => {
  const files = jsonSchemaFiles();
  it('holds exactly the generated files (npm run schemas)', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(files).sort());
  });
  it.each(Object.keys(files))('%s is up to date with the zod schemas (npm run schemas)', (name) => {
    expect(readFileSync(path.join(DIR, name), 'utf8')).toBe(files[name]);
  });
  it('describes the schema version and the encounter fields a user writes', () => {
    const check = JSON.parse(files['check-output.schema.json'] ?? '{}') as {
      properties: { schemaVersion: { const: number } };
      required: string[];
    };
    expect(check.properties.schemaVersion.const).toBe(1);
    expect(check.required).toContain('schemaVersion');
    const encounter = JSON.parse(files['encounter.schema.json'] ?? '{}') as { required: string[] };
    expect(encounter.required.sort()).toEqual(['charges', 'notes', 'payer']);
  });
});
