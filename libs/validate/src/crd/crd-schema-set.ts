import type { JsonSchema, SchemaSet } from '../schemas/schema-set';
import { resourceSchemaKey } from '../schemas/schema-set';
import { crdStructuralSchema } from './crd-structural-schema';

/** One served version of a CRD: its key and its schema, as the CRD states it. */
export interface CrdVersionSchema {
  /** `karpenter.sh/v1/NodePool` */
  key: string;
  /** The CRD's own `openAPIV3Schema`, kept for its CEL rules. */
  openApi: JsonSchema;
  /** Where the CRD came from, for messages: `rendered/ci/karpenter/controller/customresourcedefinition-nodepools.karpenter.sh.yaml`. */
  source: string;
}

interface CrdObject {
  spec?: {
    group?: unknown;
    names?: { kind?: unknown };
    versions?: { name?: unknown; served?: unknown; schema?: { openAPIV3Schema?: unknown } }[];
  };
}

/** Every served version of a CustomResourceDefinition that carries a schema. */
export function crdVersionSchemas(crd: unknown, source: string): CrdVersionSchema[] {
  const spec = (crd as CrdObject | null)?.spec;
  const group = spec?.group;
  const kind = spec?.names?.kind;
  if (typeof group !== 'string' || typeof kind !== 'string' || !Array.isArray(spec?.versions))
    return [];
  return spec.versions.flatMap((version) => {
    const openApi = version.schema?.openAPIV3Schema;
    if (version.served !== true || typeof version.name !== 'string' || !isObject(openApi))
      return [];
    return [{ key: resourceSchemaKey(`${group}/${version.name}`, kind), openApi, source }];
  });
}

/**
 * The schema set of the CRDs among the files being validated, searched before the generated
 * schemas: a custom resource is checked against the CRD that this repository installs, and the
 * generated schema remains for kinds whose CRD is not rendered here.
 */
export function crdSchemaSet(versions: readonly CrdVersionSchema[]): SchemaSet {
  const resources: Record<string, JsonSchema> = {};
  for (const version of versions) resources[version.key] ??= crdStructuralSchema(version.openApi);
  return { id: 'rendered-crds', resources };
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
