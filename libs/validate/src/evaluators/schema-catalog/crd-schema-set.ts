import { loadEmbeddedSchemas } from './embedded-schemas';
import { setUri } from './schema-catalog';
import type { JsonSchema, SchemaSet } from '../../checks/schema-model/schema-set';
import type { CrdVersionSchema } from '../../checks/custom-resources/crd-versions';
import { crdStructuralSchema } from '../../checks/custom-resources/crd-structural-schema';

/** The generated ObjectMeta definition, by which a custom resource's root `metadata` is checked. */
const objectMeta = 'IoK8sApimachineryPkgApisMetaV1ObjectMeta';

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
    if (!Object.hasOwn(resources, version.key)) resources[version.key] = strictSchema(version);
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
