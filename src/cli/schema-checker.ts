/**
 * A quick yes to "would zod accept this value as it is?", built once from the schema's own definitions. zod
 * parses by running a node per field and building a new object as it goes; the audit checks one encounter per
 * line and, for a valid one, needs nothing but the answer, because the engine reads only the schema's keys.
 *
 * The answer is one-sided: true means zod accepts the value, and its data is the value without the keys the
 * schema does not name; false means "ask zod", which then decides and words the issue. Each type test and
 * check is a plain test that passes nothing zod would fail, and passes what valid encounters hold.
 *
 * Only the definitions the shared schema uses are read; any other (a transform, a default, a refinement, a
 * catch-all, coercion, a check of another kind) throws when the checker is built, so the tests and the
 * CLI's start fail on a schema change this cannot follow.
 */
import type * as z from 'zod/mini';

type Schema = z.core.$ZodType;
type Checker = (value: unknown) => boolean;

function unsupported(what: string): Error {
  return new Error(`checkerOf: ${what} is not supported`);
}

function hasOnly(def: object, keys: readonly string[]): void {
  for (const key of Object.keys(def)) if (!keys.includes(key)) throw unsupported(`definition key ${key}`);
}

/** Whether `text` holds a high surrogate, so that its code points may be fewer than its UTF-16 units. */
function hasHighSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xfc00) === 0xd800) return true;
  return false;
}

/**
 * One check, as a test that never passes a value zod's check would fail. zod measures a string's length in
 * code points: a string within the maximum in UTF-16 units is within it in code points, and one with no high
 * surrogate has as many of each; anything else is zod's to measure. A check's `when` is not asked: running a
 * check that zod would pass over can only send the value to zod.
 */
function testOf(check: z.core.$ZodCheck, kind: 'string' | 'number' | 'array'): Checker {
  const def = check._zod.def as z.core.$ZodCheckDef & Record<string, unknown>;
  switch (def.check) {
    case 'max_length': {
      const maximum = def.maximum as number;
      if (kind === 'number') break;
      return (value) => (value as string | unknown[]).length <= maximum;
    }
    case 'min_length': {
      const minimum = def.minimum as number;
      if (kind === 'number') break;
      if (kind === 'array') return (value) => (value as unknown[]).length >= minimum;
      return (value) => (value as string).length >= minimum && !hasHighSurrogate(value as string);
    }
    case 'string_format': {
      const pattern = def.pattern;
      if (kind !== 'string' || def.format !== 'regex' || !(pattern instanceof RegExp)) break;
      // zod sets lastIndex to 0 before each test; without g or y, test() does not read it.
      if (pattern.global || pattern.sticky) break;
      return (value) => pattern.test(value as string);
    }
    case 'number_format':
      if (kind !== 'number' || def.format !== 'safeint') break;
      return (value) => Number.isSafeInteger(value);
    case 'greater_than': {
      const bound = def.value;
      if (kind !== 'number' || typeof bound !== 'number') break;
      return def.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    }
    case 'less_than': {
      const bound = def.value;
      if (kind !== 'number' || typeof bound !== 'number') break;
      return def.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
    }
    default:
      break;
  }
  throw unsupported(`the ${String(def.check)} check on a ${kind}`);
}

/** The type test, then each check. */
function withChecks(schema: Schema, kind: 'string' | 'number' | 'array', isType: Checker): Checker {
  const tests = (schema._zod.def.checks ?? []).map((check) => testOf(check, kind));
  if (tests.length === 0) return isType;
  return (value) => {
    if (!isType(value)) return false;
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

/** True only when z.safeParse(schema, value) succeeds; false when zod must be asked. */
export function checkerOf(schema: Schema): Checker {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object': {
      hasOnly(def, ['type', 'shape']);
      // Keys outside the shape are no issue: zod's default object leaves them out of its data.
      const fields = Object.entries((def as z.core.$ZodObjectDef).shape).map(
        ([key, field]) => [key, checkerOf(field)] as const,
      );
      return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        const record = value as Record<string, unknown>;
        for (const [key, check] of fields) if (!check(record[key])) return false;
        return true;
      };
    }
    case 'optional': {
      hasOnly(def, ['type', 'innerType']);
      const inner = checkerOf((def as z.core.$ZodOptionalDef).innerType);
      return (value) => value === undefined || inner(value);
    }
    case 'array': {
      hasOnly(def, ['type', 'element', 'checks']);
      const element = checkerOf((def as z.core.$ZodArrayDef).element);
      return withChecks(schema, 'array', (value) => {
        if (!Array.isArray(value)) return false;
        // By index, not every(): zod reads a hole as undefined.
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      });
    }
    case 'string':
      hasOnly(def, ['type', 'checks']);
      return withChecks(schema, 'string', (value) => typeof value === 'string');
    case 'number':
      hasOnly(def, ['type', 'checks']);
      // zod takes finite numbers only.
      return withChecks(schema, 'number', (value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      hasOnly(def, ['type']);
      return (value) => typeof value === 'boolean';
    case 'enum': {
      hasOnly(def, ['type', 'entries']);
      const entries = Object.values((def as z.core.$ZodEnumDef).entries);
      // zod reads numeric enums its own way; string ones are their values.
      if (entries.some((entry) => typeof entry !== 'string')) throw unsupported('a numeric enum');
      const values = new Set<unknown>(entries);
      return (value) => values.has(value);
    }
    default:
      throw unsupported(`a ${def.type} schema`);
  }
}
