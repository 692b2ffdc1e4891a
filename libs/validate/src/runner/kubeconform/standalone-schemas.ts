import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reachableDefinitions } from '../../checks/schema-model/reachable-definitions';
import type { JsonSchema, SchemaReference, SchemaSet } from '../../checks/schema-model/schema-set';
import { kubeconformSchemaFile } from './kubeconform-schema-layout';

/**
 * Writes every resource schema of the sets as a standalone file (its root plus only the definitions
 * it reaches), in the layout of `kubeconformSchemaLocation`. The committed file keeps definitions
 * shared; kubeconform needs one self-contained file per kind, so they are produced on demand.
 */
export function writeKubeconformSchemas(directory: string, sets: readonly SchemaSet[]): void {
  const written = new Set<string>();
  for (const set of sets) {
    for (const [key, reference] of Object.entries(set.resources)) {
      const slash = key.lastIndexOf('/');
      const file = kubeconformSchemaFile(key.slice(0, slash), key.slice(slash + 1));
      if (written.has(file)) continue; // an earlier set wins, as in SchemaCatalog
      written.add(file);
      const path = join(directory, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(standaloneSchema(set, reference)));
    }
  }
}

export function standaloneSchema(set: SchemaSet, reference: SchemaReference): JsonSchema {
  if (typeof reference !== 'string') return reference;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $ref: `#/definitions/${encodeURIComponent(reference)}`,
    definitions: reachableDefinitions(set.definitions ?? {}, [reference]),
  };
}
