import type { IdentifiedResource } from '../resources/identified-resource';
import { crdVersionSchemas, type CrdVersionSchema } from './crd-schema-set';

/** The served versions of every CustomResourceDefinition among the resources being validated. */
export function renderedCrdVersions(resources: readonly IdentifiedResource[]): CrdVersionSchema[] {
  return resources
    .filter(
      ({ typeMeta }) =>
        typeMeta.apiVersion === 'apiextensions.k8s.io/v1' &&
        typeMeta.kind === 'CustomResourceDefinition',
    )
    .flatMap(({ entry }) => crdVersionSchemas(entry.value, entry.document.file));
}
