import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { checkerOf } from '../../../src/cli/schema-checker';
import { EncounterSchema } from '../../../src/engine/model';
import { TYPICAL_NOTE } from '../../../bench/fixtures/notes';

const isEncounter = checkerOf(EncounterSchema);

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

/** Whether any string inside `value` holds a UTF-16 surrogate. */
function hasSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return /[\ud800-\udfff]/.test(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasSurrogate);
}

describe('checkerOf', () => {
  it('passes a valid encounter, with keys the schema does not name', () => {
    expect(isEncounter(VALID)).toBe(true);
    expect(isEncounter({ ...VALID, extra: 1, payer: { ...VALID.payer, extra: 'x' } })).toBe(true);
  });

  /** Values near the edges of what the schema takes, for every place in an encounter. */
  const NEAR_MISSES: unknown[] = [
    undefined,
    null,
    0,
    -0,
    -0.5,
    1.5,
    999,
    1000,
    1440,
    1440.5,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    '',
    'x',
    '97116',
    '97116\n',
    ' 97116',
    'G0283',
    'g0283',
    'GP',
    'gp',
    'GP ',
    'cms',
    'CMS',
    'PT',
    'pt',
    'billed',
    '2024-09-10',
    '2024-09-10 ',
    'x'.repeat(200),
    'x'.repeat(201),
    '😀'.repeat(101),
    '\ud800',
    [],
    {},
    [undefined],
    ['GP', 'CQ'],
    Array.from({ length: 9 }, () => 'GP'),
  ];

  /** The one-sided promise, and the other side wherever no string holds a surrogate. */
  function expectAgreement(input: unknown): boolean {
    const zod = z.safeParse(EncounterSchema, input).success;
    const quick = isEncounter(input);
    if (quick) expect(zod, String(JSON.stringify(input)).slice(0, 300)).toBe(true);
    else expect(zod && !hasSurrogate(input), String(JSON.stringify(input)).slice(0, 300)).toBe(false);
    return quick;
  }

  it('agrees with zod on every near miss put in every place of an encounter', () => {
    for (const path of pathsOf(VALID))
      for (const value of NEAR_MISSES) expectAgreement(replaced(VALID, path, value));
  });

  it('never passes what zod rejects, and passes what zod accepts unless a string holds a surrogate', () => {
    const anyValue = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 2000 }),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1.5, -0),
      fc.boolean(),
      fc.constantFrom(
        '',
        'x',
        '97116',
        '97116\n',
        'GP',
        'gp',
        'cms',
        'per-code',
        'PTA',
        'unbilled',
        '2024-09-10',
        '2024-9-10',
        'x'.repeat(200),
        'x'.repeat(201),
        // 202 UTF-16 units, 101 code points: too long by units, within 200 by zod's count.
        '😀'.repeat(101),
        '😀'.repeat(201),
        '\ud800',
      ),
      fc.constant([]),
      fc.constant({}),
      fc.constant([undefined]),
      fc.array(fc.constantFrom('GP', 'CQ', 'bad'), { maxLength: 9 }),
    );
    const paths = pathsOf(VALID);
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), anyValue), { minLength: 1, maxLength: 3 }),
        (edits) => {
          const input = edits.reduce<unknown>((value, [path, by]) => replaced(value, path, by), VALID);
          if (expectAgreement(input)) accepted++;
        },
      ),
      { numRuns: 4000 },
    );
    // The edits above leave a fair share of encounters valid: the quick yes is really asked.
    expect(accepted).toBeGreaterThan(50);
  });

  it('leaves lengths in code points to zod, and never passes a string short of them', () => {
    const atLeastTwo = checkerOf(z.string().check(z.minLength(2), z.maxLength(3)));
    expect(atLeastTwo('ab')).toBe(true);
    expect(atLeastTwo('abcd')).toBe(false);
    for (const text of ['😀', 'a😀', '😀😀', 'a😀b', 'abcd', '\ud800\ud800']) {
      if (atLeastTwo(text)) expect(z.safeParse(z.string().check(z.minLength(2)), text).success).toBe(true);
    }
    expect(atLeastTwo('😀')).toBe(false);
  });

  it('reads sparse arrays as zod does, hole by hole', () => {
    const list = checkerOf(z.array(z.string()));
    // eslint-disable-next-line no-sparse-arrays
    expect(list(['a', , 'b'])).toBe(false);
    expect(list(['a', 'b'])).toBe(true);
  });

  it('refuses, when built, a definition it cannot follow', () => {
    for (const schema of [
      z.string().check(z.trim()),
      z.number().check(z.multipleOf(2)),
      z.string().check(z.regex(/a/g)),
      z.looseObject({ a: z.string() }),
      z.union([z.string(), z.number()]),
      z.pipe(
        z.string(),
        z.transform((s) => s.length),
      ),
      z._default(z.string(), 'x'),
      z.string().check(z.refine((s) => s !== 'x')),
      z.enum({ A: 1, B: 2 } as unknown as Record<string, string>),
    ]) {
      expect(() => checkerOf(schema as z.core.$ZodType), String(schema._zod.def.type)).toThrow(
        /not supported/,
      );
    }
  });
});
