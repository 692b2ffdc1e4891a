import {
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  SchemaGenerator,
  type CompletedConfig,
} from 'ts-json-schema-generator';

interface JsonSchema {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

/**
 * Every key path a typed values interface declares (tests only). Descends through the interface's
 * own object types and stops at Kubernetes model types (`IResourceRequirements`, `IToleration`, …),
 * which charts render whole, and at free-form maps.
 */
export function declaredKeyPaths(file: string, type: string): string[][] {
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    path: file,
    type,
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
  };
  const program = createProgram(config);
  const schema = new SchemaGenerator(
    program,
    createParser(program, config),
    createFormatter(config),
    config,
  ).createSchema(type);
  const definitions = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const paths: string[][] = [];
  const visit = (node: JsonSchema, path: string[]) => {
    const target = node.$ref ? refTarget(node.$ref) : undefined;
    if (target !== undefined) {
      if (!isKubernetesModel(target)) visit(definitions[target]!, path);
      return;
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      paths.push([...path, name]);
      visit(child, [...path, name]);
    }
  };
  visit(definitions[type]!, []);
  return paths;
}

function refTarget(ref: string): string {
  return decodeURIComponent(ref.replace('#/definitions/', ''));
}

/** kubernetes-models names its interfaces `I<Kind>`. */
function isKubernetesModel(definition: string): boolean {
  return /^I[A-Z]/.test(definition);
}
