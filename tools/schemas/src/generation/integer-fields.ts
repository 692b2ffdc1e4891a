import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonSchema } from '@platform/validate';

/** What a model package's compiled validator module exports. */
interface CompiledModelValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: { type?: string | string[] } }[] | null;
}

type InstancePath = (string | number)[];

/**
 * TypeScript has one `number` type, so the .d.ts files lose the upstream distinction between
 * `integer` (replicas, ports, seconds) and `number` (a few ratios). Each model package also ships
 * a compiled validator per type, generated from the upstream OpenAPI schema; probing it with 0.5
 * at a numeric field tells whether that field is an integer. Only fields of types declared in a
 * model package are probed; the repository's own interfaces keep `number`.
 */
export async function refineIntegerFields(
  definitions: Record<string, JsonSchema>,
  sourceFiles: Map<string, string>,
): Promise<void> {
  for (const [name, definition] of Object.entries(definitions)) {
    const numericFields: { node: JsonSchema; path: InstancePath }[] = [];
    collectNumericFields(definition, [], numericFields);
    if (numericFields.length === 0) continue;
    const validate = await modelValidator(name, sourceFiles.get(name));
    if (!validate) continue;
    for (const { node, path } of numericFields) {
      validate(probeAt(path, 0.5));
      const pointer = `/${path.join('/')}`;
      const typeErrors = (validate.errors ?? []).filter(
        (e) => e.instancePath === pointer && e.keyword === 'type',
      );
      const expected = typeErrors.flatMap((e) => [e.params.type ?? []].flat());
      if (expected.includes('integer')) node.type = 'integer';
      else if (typeErrors.length > 0) {
        throw new Error(
          `${name}${pointer}: the .d.ts says number but the package validator expects ${expected.join(' or ')}`,
        );
      }
    }
  }
}

function collectNumericFields(
  node: JsonSchema,
  path: InstancePath,
  found: { node: JsonSchema; path: InstancePath }[],
): void {
  if (node.type === 'number') found.push({ node, path });
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  for (const [key, child] of Object.entries(properties ?? {}))
    collectNumericFields(child, [...path, key], found);
  if (isObject(node.items)) collectNumericFields(node.items, [...path, 0], found);
  if (isObject(node.additionalProperties))
    collectNumericFields(node.additionalProperties, [...path, 'key'], found);
}

/** `{ a: [ { b: 0.5 } ] }` for the path `a/0/b`. */
function probeAt(path: InstancePath, leaf: unknown): unknown {
  return path.reduceRight<unknown>(
    (value, segment) => (typeof segment === 'number' ? [value] : { [segment]: value }),
    leaf,
  );
}

/** `<package>/_schemas/<Definition>.js`, next to the .d.ts the definition came from. */
async function modelValidator(
  definition: string,
  sourceFile: string | undefined,
): Promise<CompiledModelValidator | undefined> {
  if (!sourceFile?.includes('/node_modules/')) return undefined;
  let directory = dirname(sourceFile);
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
  const modulePath = join(directory, '_schemas', `${definition}.js`);
  if (!existsSync(modulePath)) return undefined;
  const module = (await import(pathToFileURL(modulePath).href)) as {
    validate: CompiledModelValidator;
  };
  return module.validate;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
