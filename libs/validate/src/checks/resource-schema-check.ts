import type { Finding } from '@platform/manifests';
import { findSkippedKind, type SkippedKind } from '../config/skipped-kinds';
import { findRemovedApi, removedApiMessage, removedApis } from '../removed-apis/removed-apis';
import { entryFinding } from '../resources/resource-entry';
import type { IdentifiedResource } from '../resources/identified-resource';
import type { SchemaCatalog } from '../schemas/schema-catalog';
import { schemaViolations } from '../schema-errors/schema-violations';
import { isMetadataMapValuePath } from './label-and-annotation-check';

export interface ResourceSchemaResult {
  findings: Finding[];
  /** True when the kind is in the skipped-kinds list and had no schema. */
  skipped: boolean;
}

/** Validates a resource against the schema of its apiVersion and kind; no schema is an error. */
export function checkResourceSchema(
  resource: IdentifiedResource,
  catalog: SchemaCatalog,
  skipped: readonly SkippedKind[],
): ResourceSchemaResult {
  const { entry, typeMeta } = resource;
  const validate = catalog.resource(typeMeta.apiVersion, typeMeta.kind);
  if (!validate) {
    if (findSkippedKind(skipped, typeMeta.apiVersion, typeMeta.kind))
      return { findings: [], skipped: true };
    return {
      findings: [
        entryFinding(entry, {
          path: ['kind'],
          message: missingSchemaMessage(resource, catalog),
          rule: 'schema-missing',
        }),
      ],
      skipped: false,
    };
  }
  const findings = schemaViolations(validate, entry.value)
    // Label and annotation values have their own check, with a better message.
    .filter((violation) => !isMetadataMapValuePath(violation.path))
    .map((violation) => entryFinding(entry, { ...violation, rule: 'schema' }));
  return { findings, skipped: false };
}

function missingSchemaMessage({ typeMeta }: IdentifiedResource, catalog: SchemaCatalog): string {
  const removed = findRemovedApi(typeMeta.apiVersion, typeMeta.kind);
  if (removed) return removedApiMessage(removed, typeMeta.kind);
  if (removedApis.some((entry) => entry.apiVersion === typeMeta.apiVersion))
    return `${typeMeta.apiVersion} ${typeMeta.kind} is not served by the Kubernetes version this repository validates against; use a served API version`;
  const otherVersions = catalog
    .resourceKeys()
    .filter((key) => key.endsWith(`/${typeMeta.kind}`))
    .map((key) => key.slice(0, -typeMeta.kind.length - 1));
  const known =
    otherVersions.length > 0
      ? ` (schemas exist for ${typeMeta.kind} in ${otherVersions.join(', ')})`
      : '';
  return (
    `no schema for ${typeMeta.apiVersion} ${typeMeta.kind}${known}: add its model to tools/schemas/src/sources/resource-models.ts ` +
    'and regenerate, or list the kind with a reason in libs/validate/src/config/skipped-kinds.ts'
  );
}
