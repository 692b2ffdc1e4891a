import type { JsonSchema } from '../checks/schema-model/schema-set';

/** A schema together with how to follow its `$ref`s. */
export interface SchemaSource {
  schema: JsonSchema;
  resolve: (ref: string) => JsonSchema;
}

export interface ComparisonOptions {
  /** Field paths (as printed, e.g. `metadata`) whose subtrees are not compared, only their presence. */
  opaquePaths?: readonly string[];
  /**
   * Also compare the allowed values of scalars (`enum`, or `const` as a one-value enum), as sets.
   * A difference reads `path: enum ours [a, b], upstream [a, b, c]`, with `none` for a side that
   * allows any value of its type.
   */
  enums?: boolean;
}

type Shape =
  | { kind: 'object'; properties: Record<string, JsonSchema>; required: string[] }
  | { kind: 'map'; values: JsonSchema }
  | { kind: 'array'; items: JsonSchema }
  | { kind: 'free-form' }
  | { kind: 'scalar'; types: string[]; values?: string[] };

/**
 * Walks our schema and an upstream one side by side and lists every difference in property names,
 * required fields, openness (closed object vs free-form) and scalar types, at every depth, as
 * `path: difference` lines. Upstream conventions are read the way kubeconform's strict mode and
 * the API server do: an object with properties is closed; `x-kubernetes-preserve-unknown-fields`,
 * or an object with neither properties nor additionalProperties in the core OpenAPI, is free-form.
 */
export function compareSchemas(
  ours: SchemaSource,
  theirs: SchemaSource,
  options: ComparisonOptions = {},
): string[] {
  const differences: string[] = [];
  const visited = new Set<string>();

  const visit = (our: JsonSchema, their: JsonSchema, path: string, pairKey: string) => {
    if (visited.has(pairKey)) return;
    visited.add(pairKey);
    const ourShape = shapeOf(resolveAll(our, ours));
    const theirShape = shapeOf(resolveAll(their, theirs));
    const theirType = lastReference(their, theirs);
    const at = path || '(root)';
    if (options.opaquePaths?.includes(path)) return;
    if (ourShape.kind !== theirShape.kind) {
      differences.push(
        `${at}: ours is ${describeShape(ourShape)}, upstream is ${describeShape(theirShape)}`,
      );
      return;
    }
    switch (ourShape.kind) {
      case 'object': {
        const theirObject = theirShape as Extract<Shape, { kind: 'object' }>;
        const ourNames = Object.keys(ourShape.properties);
        const theirNames = Object.keys(theirObject.properties);
        for (const name of ourNames.filter((n) => !theirNames.includes(n)).sort())
          differences.push(`${at}: field "${name}" only in ours`);
        for (const name of theirNames.filter((n) => !ourNames.includes(n)).sort())
          differences.push(`${at}: field "${name}" only upstream`);
        for (const name of ourShape.required
          .filter((n) => !theirObject.required.includes(n))
          .sort())
          differences.push(`${at}: "${name}" required only in ours`);
        for (const name of theirObject.required
          .filter((n) => !ourShape.required.includes(n))
          .sort())
          differences.push(`${at}: "${name}" required only upstream`);
        for (const name of ourNames.filter((n) => theirNames.includes(n)).sort()) {
          const child = path ? `${path}.${name}` : name;
          visit(
            ourShape.properties[name]!,
            theirObject.properties[name]!,
            child,
            `${identity(ourShape.properties[name]!, child)}|${identity(theirObject.properties[name]!, child)}`,
          );
        }
        return;
      }
      case 'map':
        visit(
          ourShape.values,
          (theirShape as Extract<Shape, { kind: 'map' }>).values,
          `${path}{}`,
          `${identity(ourShape.values, `${path}{}`)}|${identity((theirShape as Extract<Shape, { kind: 'map' }>).values, `${path}{}`)}`,
        );
        return;
      case 'array':
        visit(
          ourShape.items,
          (theirShape as Extract<Shape, { kind: 'array' }>).items,
          `${path}[]`,
          `${identity(ourShape.items, `${path}[]`)}|${identity((theirShape as Extract<Shape, { kind: 'array' }>).items, `${path}[]`)}`,
        );
        return;
      case 'scalar': {
        const theirTypes = (theirShape as Extract<Shape, { kind: 'scalar' }>).types;
        if (ourShape.types.join('|') !== theirTypes.join('|')) {
          differences.push(
            `${at}: ours is ${ourShape.types.join('|')}, upstream is ${theirTypes.join('|')}${theirType ? ` (${theirType})` : ''}`,
          );
        }
        const theirValues = (theirShape as Extract<Shape, { kind: 'scalar' }>).values;
        if (options.enums && describeValues(ourShape.values) !== describeValues(theirValues)) {
          differences.push(
            `${at}: enum ours ${describeValues(ourShape.values)}, upstream ${describeValues(theirValues)}`,
          );
        }
        return;
      }
      case 'free-form':
        return;
    }
  };
  visit(ours.schema, theirs.schema, '', 'root');
  return differences;
}

/** A pair key that follows named definitions (so recursive types end) and paths for inline nodes. */
function identity(schema: JsonSchema, path: string): string {
  return typeof schema.$ref === 'string' ? schema.$ref : `inline:${path}`;
}

/** The name of the last definition a `$ref` chain ends at, to say which upstream type a field has. */
function lastReference(schema: JsonSchema, source: SchemaSource): string | undefined {
  let node = schema;
  let name: string | undefined;
  for (let depth = 0; typeof node.$ref === 'string' && depth < 20; depth += 1) {
    name = node.$ref.split('/').pop();
    node = source.resolve(node.$ref);
  }
  return name;
}

function resolveAll(schema: JsonSchema, source: SchemaSource): JsonSchema {
  let node = schema;
  for (let depth = 0; typeof node.$ref === 'string' && depth < 20; depth += 1)
    node = source.resolve(node.$ref);
  // OpenAPI v2 wraps a referenced type in allOf to attach a description.
  const allOf = node.allOf as JsonSchema[] | undefined;
  if (allOf?.length === 1 && !node.properties) return resolveAll(allOf[0]!, source);
  return node;
}

function shapeOf(schema: JsonSchema): Shape {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true && !schema.properties)
    return { kind: 'free-form' };
  if (schema['x-kubernetes-int-or-string'] === true || schema.format === 'int-or-string')
    return { kind: 'scalar', types: ['integer', 'string'] };
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties && Object.keys(properties).length > 0) {
    return {
      kind: 'object',
      properties,
      required: (schema.required as string[] | undefined) ?? [],
    };
  }
  const additional = schema.additionalProperties;
  if (additional && typeof additional === 'object' && Object.keys(additional).length > 0)
    return { kind: 'map', values: additional as JsonSchema };
  if (schema.type === 'array' || schema.items)
    return { kind: 'array', items: (schema.items as JsonSchema | undefined) ?? {} };
  const types = ([schema.type].flat().filter((t) => typeof t === 'string') as string[]).filter(
    (t) => t !== 'null',
  );
  if (types.length === 0 || (types.length === 1 && types[0] === 'object'))
    return { kind: 'free-form' };
  const values = Array.isArray(schema.enum)
    ? (schema.enum as unknown[])
    : 'const' in schema
      ? [schema.const]
      : undefined;
  return {
    kind: 'scalar',
    types: [...new Set(types)].sort(),
    ...(values && { values: [...new Set(values.map((v) => JSON.stringify(v)))].sort() }),
  };
}

function describeValues(values: string[] | undefined): string {
  return values ? `[${values.join(', ')}]` : 'none';
}

function describeShape(shape: Shape): string {
  return shape.kind === 'scalar' ? shape.types.join('|') : shape.kind;
}
