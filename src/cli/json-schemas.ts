/**
 * The JSON Schemas the package ships in schemas/, generated from the zod schemas that the CLI validates its
 * input with and the tests parse its output with, so the published files cannot drift from the code.
 * `npm run schemas` writes them; test/unit/cli/json-schemas.test.ts fails when they are out of date.
 */
import * as z from 'zod/mini';
import { EncounterSchema } from '../engine/model';
import { AuditLineSchema, AuditSummarySchema, CheckLineSchema, CheckOutputSchema } from './output';

const SCHEMAS: Record<string, { schema: z.core.$ZodType; io: 'input' | 'output'; title: string }> = {
  'encounter.schema.json': {
    schema: EncounterSchema,
    io: 'input',
    title: 'GaitGuard encounter: a .json file for check, or one line of an audit .ndjson file',
  },
  'check-output.schema.json': {
    schema: CheckOutputSchema,
    io: 'output',
    title: 'GaitGuard check --format json',
  },
  'check-line.schema.json': {
    schema: CheckLineSchema,
    io: 'output',
    title: 'GaitGuard check --format ndjson: one line (a finding)',
  },
  'audit-output.schema.json': {
    schema: AuditSummarySchema,
    io: 'output',
    title: 'GaitGuard audit --format json',
  },
  'audit-line.schema.json': {
    schema: AuditLineSchema,
    io: 'output',
    title: 'GaitGuard audit --format ndjson: one line (an encounter, or the closing summary)',
  },
};

/** File name → file text (generated: prettier leaves schemas/ alone, see .prettierignore). */
export function jsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, { schema, io, title }] of Object.entries(SCHEMAS)) {
    const generated = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as Record<string, unknown>;
    const { $schema, ...rest } = generated;
    files[name] = `${JSON.stringify({ $schema, title, ...rest }, null, 2)}\n`;
  }
  return files;
}
