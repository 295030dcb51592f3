/**
 * A zod/mini object parses by walking its shape on every call. zod's classic objects compile a parser for
 * their shape instead (new Function): the extension's content security policy forbids that, Node allows it.
 * The audit parses one encounter per line, so the CLI rebuilds the shared schema with compiled objects: the
 * same definitions and checks, so the same data and the same issues, in about half the time.
 */
import * as z from 'zod/mini';

type Schema = z.core.$ZodType;

/** A node of the same class as `schema` on a new definition (an array or optional around a new child). */
function sameKind(schema: Schema, def: z.core.$ZodArrayDef | z.core.$ZodOptionalDef): Schema {
  return new (schema.constructor as new (def: z.core.$ZodTypeDef) => Schema)(def);
}

function compile(schema: Schema): Schema {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object': {
      const { shape } = def as z.core.$ZodObjectDef;
      const compiled = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, compile(value)]));
      return new z.core.$ZodObjectJIT({ ...(def as z.core.$ZodObjectDef), shape: compiled });
    }
    case 'array': {
      const array = def as z.core.$ZodArrayDef;
      return sameKind(schema, { ...array, element: compile(array.element) });
    }
    case 'optional': {
      const optional = def as z.core.$ZodOptionalDef;
      return sameKind(schema, { ...optional, innerType: compile(optional.innerType) });
    }
    default:
      return schema;
  }
}

/** The schema with every object inside it compiled; other nodes are kept, or rebuilt around new children. */
export function withCompiledObjects<T extends Schema>(schema: T): T {
  return compile(schema) as T;
}
