import type { IdentifiedResource } from '../resources/identified-resource';
import { resourceSchemaKey, type JsonSchema } from '../schema-model/schema-set';

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

/** Whether a resource's type is CustomResourceDefinition (the only version served since 1.22). */
export function isCustomResourceDefinition(typeMeta: { apiVersion?: unknown; kind?: unknown }) {
  return (
    typeMeta.apiVersion === 'apiextensions.k8s.io/v1' &&
    typeMeta.kind === 'CustomResourceDefinition'
  );
}

/** The served versions of every CustomResourceDefinition among the resources being validated. */
export function renderedCrdVersions(resources: readonly IdentifiedResource[]): CrdVersionSchema[] {
  return resources
    .filter(({ typeMeta }) => isCustomResourceDefinition(typeMeta))
    .flatMap(({ entry }) => crdVersionSchemas(entry.value, entry.document.file));
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
