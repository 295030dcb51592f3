import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { withCompiledObjects } from '../../../src/cli/compiled-schema';
import { EncounterSchema } from '../../../src/engine/model';
import { TYPICAL_NOTE } from '../../../bench/fixtures/notes';

const COMPILED = withCompiledObjects(EncounterSchema);

const VALID = {
  dateOfService: '2024-09-10',
  payer: { name: 'Medicare Part B', method: 'cms', medicare: true },
  notes: [{ id: 'n1', text: TYPICAL_NOTE, source: { url: 'note.html', label: 'Objective', frameId: 0 } }],
  charges: [
    { id: 'c1', code: '97116', units: 2, modifiers: ['GP'], status: 'unbilled', source: {} },
    { id: 'c2', code: '97110', units: 1, modifiers: [], minutes: 15, status: 'billed', source: {} },
  ],
  furnishedBy: ['PT'],
};

/** Every path to a value inside `value` ([] is the root). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    at,
    ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...at, key])),
  ];
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (by === undefined && rest.length === 0 && !Array.isArray(value)) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by);
  return copy;
}

function outcome(schema: z.core.$ZodType, input: unknown) {
  const result = z.safeParse(schema, input);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

describe('withCompiledObjects', () => {
  it('compiles the objects and keeps the rest', () => {
    expect(COMPILED).toBeInstanceOf(z.core.$ZodObjectJIT);
    expect(EncounterSchema).not.toBeInstanceOf(z.core.$ZodObjectJIT);
    const notes = (COMPILED._zod.def as z.core.$ZodObjectDef).shape.notes as z.core.$ZodType;
    expect((notes._zod.def as z.core.$ZodArrayDef).element).toBeInstanceOf(z.core.$ZodObjectJIT);
  });

  it('parses a valid encounter to the same data, dropping unknown keys the same way', () => {
    const input = { ...VALID, extra: 1, payer: { ...VALID.payer, extra: 'x' } };
    expect(outcome(COMPILED, input)).toEqual(outcome(EncounterSchema, input));
    expect(outcome(COMPILED, input)).toHaveProperty('data.payer', VALID.payer);
  });

  it('gives the same data or the same issues for any value put anywhere in an encounter', () => {
    const anyValue = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 2000 }),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(
        '',
        'x',
        '97116',
        'GP',
        'cms',
        'per-code',
        'PTA',
        'unbilled',
        '2024-09-10',
        'x'.repeat(201),
      ),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.constantFrom('GP', 'CQ', 'bad'), { maxLength: 9 }),
    );
    const paths = pathsOf(VALID);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), anyValue), { minLength: 1, maxLength: 3 }),
        (edits) => {
          const input = edits.reduce<unknown>((value, [path, by]) => replaced(value, path, by), VALID);
          expect(outcome(COMPILED, input)).toEqual(outcome(EncounterSchema, input));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
