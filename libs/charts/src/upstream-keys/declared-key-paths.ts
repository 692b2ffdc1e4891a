import {
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  SchemaGenerator,
  type CompletedConfig,
} from 'ts-json-schema-generator';

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  allOf?: SchemaNode[];
}

/**
 * Key paths a typed values interface declares (tests only), from the JSON Schema
 * ts-json-schema-generator makes of it (the same generator `npm run schemas` uses). The walk stops
 * at maps, arrays and Kubernetes model types (affinity, resources…), which charts render whole.
 */
export function declaredKeyPaths(file: string, type: string): string[][] {
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    path: file,
    type,
    jsDoc: 'none',
    skipTypeCheck: true,
    topRef: true,
    additionalProperties: false,
  };
  const program = createProgram(config);
  const schema = new SchemaGenerator(
    program,
    createParser(program, config),
    createFormatter(config),
    config,
  ).createSchema(type);
  const definitions = (schema.definitions ?? {}) as Record<string, SchemaNode>;
  const paths: string[][] = [];
  const visit = (node: SchemaNode, prefix: string[]) => {
    const resolved = resolve(node, definitions);
    for (const part of [resolved, ...(resolved?.allOf ?? [])]) {
      for (const [key, child] of Object.entries(part?.properties ?? {})) {
        paths.push([...prefix, key]);
        visit(child, [...prefix, key]);
      }
    }
  };
  visit(definitions[type]!, []);
  return paths;
}

function resolve(
  node: SchemaNode,
  definitions: Record<string, SchemaNode>,
): SchemaNode | undefined {
  if (!node.$ref) return node;
  const name = decodeURIComponent(node.$ref.replace('#/definitions/', ''));
  // Kubernetes model types are checked against Kubernetes, not against a chart's values.yaml.
  if (/^I[A-Z]/.test(name)) return undefined;
  const target = definitions[name];
  return target ? resolve(target, definitions) : undefined;
}
