import type { SkippedKind } from '../config/skipped-kinds';
import { crdSchemaSet, type CrdVersionSchema } from '../crd/crd-schema-set';
import { CompiledValidatorCache } from '../code-cache/compiled-validator-cache';
import type { SchemaCatalog } from '../schemas/schema-catalog';

/** What a file is validated against: the schemas, the kinds allowed without one, and the CRDs. */
export interface ValidationContext {
  /** The embedded schemas, with the CRD-derived ones searched first when there are CRDs. */
  catalog: SchemaCatalog;
  skippedKinds: readonly SkippedKind[];
  /** The CRD whose schema checks a custom resource, by `apiVersion/kind`: its CEL rules apply. */
  crdByKey: ReadonlyMap<string, CrdVersionSchema>;
}

/** CRD-derived validators compiled once, then loaded by every later run and worker thread. */
const compiledValidatorCache = new CompiledValidatorCache();

/**
 * The context of some CRD versions, in priority order: the first version of a key supplies both
 * the schema and the CEL rules, so a resource is never checked against one CRD's schema and
 * another's rules.
 */
export function validationContext(
  baseCatalog: SchemaCatalog,
  skippedKinds: readonly SkippedKind[],
  crdVersions: readonly CrdVersionSchema[],
): ValidationContext {
  const crdByKey = new Map<string, CrdVersionSchema>();
  for (const version of crdVersions)
    if (!crdByKey.has(version.key)) crdByKey.set(version.key, version);
  const catalog =
    crdVersions.length > 0
      ? baseCatalog.withFirst(crdSchemaSet(crdVersions), compiledValidatorCache)
      : baseCatalog;
  return { catalog, skippedKinds, crdByKey };
}
