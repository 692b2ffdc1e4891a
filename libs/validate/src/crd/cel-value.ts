import type { JsonSchema } from '../schemas/schema-set';

/**
 * A JSON value as CEL sees it through its schema, as the API server builds it: objects become
 * maps, integer fields (and integers of int-or-string or schemaless fields) become CEL ints,
 * other numbers doubles. `converted`, when given, keeps each object's and array's CEL form so a
 * subtree several rules see is converted once.
 */
export function celValue(
  value: unknown,
  schema: JsonSchema | undefined,
  converted?: Map<unknown, unknown>,
): unknown {
  if (value === null || typeof value !== 'object') return celScalar(value, schema);
  const known = converted?.get(value);
  if (known !== undefined) return known;
  let result: unknown;
  if (Array.isArray(value)) {
    const items = schema?.items as JsonSchema | undefined;
    result = value.map((item) => celValue(item, items, converted));
  } else {
    const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const additional =
      typeof schema?.additionalProperties === 'object'
        ? (schema.additionalProperties as JsonSchema)
        : undefined;
    result = new Map(
      Object.entries(value as Record<string, unknown>).map(([key, child]) => [
        key,
        celValue(child, properties[key] ?? additional, converted),
      ]),
    );
  }
  converted?.set(value, result);
  return result;
}

function celScalar(value: unknown, schema: JsonSchema | undefined): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && schema?.type !== 'number')
    return BigInt(value);
  return value;
}
