import type { JsonSchema } from '../checks/schema-model/schema-set';
import { localDefinitionName } from '../checks/schema-model/schema-walk';

/** Key paths of a values schema, stopping at maps, arrays and model-package types. */
export function declaredKeyPaths(
  definitions: Record<string, JsonSchema>,
  root: string,
): string[][] {
  const paths: string[][] = [];
  const visit = (schema: JsonSchema, path: string[]) => {
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    for (const [name, child] of Object.entries(properties ?? {})) {
      const childPath = [...path, name];
      paths.push(childPath);
      const reference = localDefinitionName(child.$ref);
      if (reference) {
        if (!isModelPackageType(reference)) visit(definitions[reference]!, childPath);
      } else {
        visit(child, childPath);
      }
    }
  };
  visit(definitions[root]!, []);
  return paths;
}

/** Model package types are named after their upstream Go package (IoK8s…, ComGithub…). */
function isModelPackageType(definition: string): boolean {
  return /^(IoK8s|ComGithub)/.test(definition);
}

export function hasKeyPath(values: unknown, path: string[]): boolean {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node))
      return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}
