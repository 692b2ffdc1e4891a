import type { CelInput } from '@bufbuild/cel';
import type { JsonSchema } from '../../checks/schema-model/schema-set';
import { celLibrary } from './cel-library';

/**
 * A JSON value as CEL sees it through its schema, as the API server builds it: objects become
 * maps, integer fields (and integers of int-or-string or schemaless fields) become CEL ints,
 * other numbers doubles.
 */
export function celValue(value: unknown, schema: JsonSchema | undefined): unknown {
  if (value === null || typeof value !== 'object') return celScalar(value, schema);
  if (Array.isArray(value))
    return value.map((item) => celValue(item, schema?.items as JsonSchema | undefined));
  const object = value as Record<string, unknown>;
  const members = new Map<string, CelInput>();
  for (const key of Object.keys(object))
    members.set(key, celValue(object[key], memberSchema(schema, key)) as CelInput);
  return celLibrary().cel.celMap(members);
}

function celScalar(value: unknown, schema: JsonSchema | undefined): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && schema?.type !== 'number')
    return BigInt(value);
  return value;
}

function memberSchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const properties = schema?.properties as Record<string, JsonSchema> | undefined;
  if (properties && Object.hasOwn(properties, key)) return properties[key];
  const additional = schema?.additionalProperties;
  return typeof additional === 'object' ? (additional as JsonSchema) : undefined;
}
