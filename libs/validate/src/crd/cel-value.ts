import type { JsonSchema } from '../schemas/schema-set';

/**
 * A JSON value as CEL sees it through its schema, as the API server builds it: objects become
 * maps, integer fields (and integers of int-or-string or schemaless fields) become CEL ints,
 * other numbers doubles.
 */
export function celValue(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) {
    const items = schema?.items as JsonSchema | undefined;
    return value.map((item) => celValue(item, items));
  }
  if (value !== null && typeof value === 'object') {
    const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const additional =
      typeof schema?.additionalProperties === 'object'
        ? (schema.additionalProperties as JsonSchema)
        : undefined;
    return new Map(
      Object.entries(value as Record<string, unknown>).map(([key, child]) => [
        key,
        celValue(child, properties[key] ?? additional),
      ]),
    );
  }
  if (typeof value === 'number' && Number.isInteger(value) && schema?.type !== 'number')
    return BigInt(value);
  return value;
}
