import type { CelInput } from '@bufbuild/cel';
import { celLibrary } from './cel-library';
import type { JsonSchema } from '../../checks/schema-model/schema-set';

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
  const result = Array.isArray(value)
    ? value.map((item) => celValue(item, schema?.items as JsonSchema | undefined, converted))
    : celLibrary().cel.celMap(
        new SchemaTypedObject(value as Record<string, unknown>, schema, converted),
      );
  converted?.set(value, result);
  return result;
}

function celScalar(value: unknown, schema: JsonSchema | undefined): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && schema?.type !== 'number')
    return BigInt(value);
  return value;
}

/**
 * An object as a CEL map whose members are converted when a rule reads them: a rule at `spec`
 * that asks `has(self.replicas)` no longer pays for converting the whole spec.
 */
class SchemaTypedObject implements ReadonlyMap<string, CelInput> {
  constructor(
    private readonly object: Record<string, unknown>,
    private readonly schema: JsonSchema | undefined,
    private readonly converted: Map<unknown, unknown> | undefined,
  ) {}

  get size(): number {
    return Object.keys(this.object).length;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.object, key);
  }

  get(key: string): CelInput | undefined {
    if (!Object.hasOwn(this.object, key)) return undefined;
    return celValue(this.object[key], this.memberSchema(key), this.converted) as CelInput;
  }

  keys(): MapIterator<string> {
    return Object.keys(this.object)[Symbol.iterator]() as MapIterator<string>;
  }

  *entries(): MapIterator<[string, CelInput]> {
    for (const key of Object.keys(this.object)) yield [key, this.get(key)!];
  }

  *values(): MapIterator<CelInput> {
    for (const key of Object.keys(this.object)) yield this.get(key)!;
  }

  forEach(
    callback: (value: CelInput, key: string, map: ReadonlyMap<string, CelInput>) => void,
  ): void {
    for (const key of Object.keys(this.object)) callback(this.get(key)!, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, CelInput]> {
    return this.entries();
  }

  private memberSchema(key: string): JsonSchema | undefined {
    const properties = this.schema?.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.hasOwn(properties, key)) return properties[key];
    const additional = this.schema?.additionalProperties;
    return typeof additional === 'object' ? (additional as JsonSchema) : undefined;
  }
}
