import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { loadEmbeddedSchemas, localDefinitionName, type JsonSchema } from '../index';
import { describeWithUpstream, upstreamDirectory } from './upstream-reference';

/**
 * Every key path a typed Helm values interface declares must exist in the chart's upstream
 * values.yaml of the same chart version: a key the chart does not read would be accepted by our
 * closed schema and silently ignored by Helm. Not descended into: free-form maps (labels,
 * annotations, nodeSelector) and Kubernetes objects typed by the model packages (affinity,
 * resources, tolerations), which charts render whole with toYaml; their fields are checked against
 * Kubernetes by the core agreement test.
 */
describeWithUpstream('typed Helm values interfaces declare only keys the upstream chart has', () => {
  const embedded = loadEmbeddedSchemas();

  for (const [key, definition] of Object.entries(embedded.helmValues)) {
    const [chart, version] = key.split('@') as [string, string];
    it(`${chart} ${version}: every declared key path exists in the chart's values.yaml`, () => {
      const chartFile = join(upstreamDirectory, 'values', `${chart}-Chart.yaml`);
      expect(existsSync(chartFile), `no upstream snapshot of chart ${chart}`).toBe(true);
      expect((parse(readFileSync(chartFile, 'utf8')) as { version: string }).version).toBe(version);
      const upstream = parse(readFileSync(join(upstreamDirectory, 'values', `${chart}-values.yaml`), 'utf8')) as unknown;

      const declared = declaredKeyPaths(embedded.definitions, definition);
      expect(declared.length).toBeGreaterThan(10);
      const missing = declared.filter((path) => !hasKeyPath(upstream, path)).map((path) => path.join('.'));
      expect(missing).toEqual([]);
    });
  }
});

/** Key paths of a values schema, stopping at maps, arrays and model-package types. */
function declaredKeyPaths(definitions: Record<string, JsonSchema>, root: string): string[][] {
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

function hasKeyPath(values: unknown, path: string[]): boolean {
  let node = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}
