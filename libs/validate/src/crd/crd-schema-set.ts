import { loadEmbeddedSchemas } from '../schemas/embedded-schemas';
import { setUri } from '../schemas/schema-catalog';
import type { JsonSchema, SchemaSet } from '../schemas/schema-set';
import { resourceSchemaKey } from '../schemas/schema-set';
import { crdStructuralSchema } from './crd-structural-schema';

/** The generated ObjectMeta definition, by which a custom resource's root `metadata` is checked. */
const objectMeta = 'IoK8sApimachineryPkgApisMetaV1ObjectMeta';

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
  const id = 'rendered-crds';
  const resources: Record<string, JsonSchema> = {};
  const metadata = { $ref: `${setUri({ id })}#/definitions/${objectMeta}` };
  const strictSchema = (version: CrdVersionSchema) => {
    const schema = crdStructuralSchema(version.openApi);
    // The API server validates a custom resource's metadata as ObjectMeta whatever the CRD says
    // (CRDs may only declare `type: object` there), so a misspelt `labelz` is an error here too.
    (schema.properties as Record<string, JsonSchema>).metadata = metadata;
    return schema;
  };
  for (const version of versions) {
    if (Object.hasOwn(resources, version.key)) continue;
    // Converted when first looked up: a run meets a few of the CRDs' kinds, and converting all
    // (Argo CD's ApplicationSet schema alone is 1 MB) cost more than validating a thousand files.
    let schema: JsonSchema | undefined;
    Object.defineProperty(resources, version.key, {
      enumerable: true,
      get: () => (schema ??= strictSchema(version)),
    });
  }
  return { id, resources, definitions: objectMetaDefinitions() };
}

/** ObjectMeta and every definition it refers to, copied from the embedded schemas. */
function objectMetaDefinitions(): Record<string, JsonSchema> {
  const all = loadEmbeddedSchemas().definitions ?? {};
  const closure: Record<string, JsonSchema> = {};
  const visit = (name: string) => {
    if (closure[name] || !all[name]) return;
    closure[name] = all[name] as JsonSchema;
    for (const match of JSON.stringify(all[name]).matchAll(/"#\/definitions\/([^"]+)"/g)) {
      visit(decodeURIComponent(match[1]!));
    }
  };
  visit(objectMeta);
  return closure;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
