import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import type { JsonSchema } from '../checks/schema-model/schema-set';

/** The repository root: libs/validate/src/upstream-agreement → four levels up. */
export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/** Upstream reference data for tests only (never read by product code): `<repo>/../shared/upstream`. */
export const upstreamDirectory = join(repositoryRoot, '..', 'shared', 'upstream');

/**
 * `describe` when the upstream reference data is present; otherwise the suite is skipped with the
 * reason printed, so a checkout without ../shared still runs every other test.
 */
export function describeWithUpstream(name: string, suite: () => void): void {
  if (existsSync(upstreamDirectory)) {
    describe(name, suite);
  } else {
    // The suite body reads the reference data while tests are collected, so it must not run at all.
    console.warn(`skipping "${name}": upstream reference data not found at ${upstreamDirectory}`);
    it.skip(`${name} (needs ${upstreamDirectory})`, () => {});
  }
}

/** The Kubernetes OpenAPI v2 spec of a release, as kept in ../shared/upstream/k8s. */
export interface Swagger {
  definitions: Record<string, JsonSchema>;
}

export function readSwagger(version: '1.30' | '1.36'): Swagger {
  return JSON.parse(
    readFileSync(join(upstreamDirectory, 'k8s', `kubernetes-v${version}-swagger.json`), 'utf8'),
  ) as Swagger;
}

/** `apps/v1/Deployment` → `io.k8s.api.apps.v1.Deployment`, from the spec's own GVK annotations. */
export function definitionsByGroupVersionKind(swagger: Swagger): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, definition] of Object.entries(swagger.definitions)) {
    for (const gvk of (definition['x-kubernetes-group-version-kind'] as
      | { group: string; version: string; kind: string }[]
      | undefined) ?? []) {
      result.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
    }
  }
  return result;
}
