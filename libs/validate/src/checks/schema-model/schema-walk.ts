import type { JsonSchema } from './schema-set';

/** Keywords whose value is one subschema. */
const singleSubschemaKeywords = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
];
/** Keywords whose value is a list of subschemas. */
const listSubschemaKeywords = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const mapSubschemaKeywords = ['properties', 'patternProperties', 'definitions', '$defs'];

/** Calls `visit` on a schema and every schema nested in it, parents first. */
export function forEachSubschema(schema: JsonSchema, visit: (node: JsonSchema) => void): void {
  visit(schema);
  for (const keyword of singleSubschemaKeywords) {
    const child = schema[keyword];
    if (isSchemaObject(child)) forEachSubschema(child, visit);
  }
  for (const keyword of listSubschemaKeywords) {
    const children = schema[keyword];
    if (Array.isArray(children))
      for (const child of children) if (isSchemaObject(child)) forEachSubschema(child, visit);
  }
  for (const keyword of mapSubschemaKeywords) {
    const children = schema[keyword];
    if (isSchemaObject(children))
      for (const child of Object.values(children))
        if (isSchemaObject(child)) forEachSubschema(child, visit);
  }
}

export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `#/definitions/IoK8sApiCoreV1PodSpec` → `IoK8sApiCoreV1PodSpec`. */
export function localDefinitionName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith('#/definitions/')
    ? decodeURIComponent(ref.slice('#/definitions/'.length))
    : undefined;
}
