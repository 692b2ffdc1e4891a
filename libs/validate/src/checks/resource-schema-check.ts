import type { Finding } from '@platform/manifests';
import { findSkippedKind, type SkippedKind } from '../config/skipped-kinds';
import { findRemovedApi, removedApiMessage } from './removed-apis';
import { entryFinding } from './resources/resource-entry';
import type { IdentifiedResource } from './resources/identified-resource';
import type { SchemaLookup } from './validation-context';
import { schemaViolations } from './schema-errors/schema-violations';
import { isMetadataMapValuePath } from './label-and-annotation-check';

export interface ResourceSchemaResult {
  findings: Finding[];
  /** True when the kind is in the skipped-kinds list and had no schema. */
  skipped: boolean;
}

/** Validates a resource against the schema of its apiVersion and kind; no schema is an error. */
export function checkResourceSchema(
  resource: IdentifiedResource,
  catalog: SchemaLookup,
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

function missingSchemaMessage({ typeMeta }: IdentifiedResource, catalog: SchemaLookup): string {
  const removed = findRemovedApi(typeMeta.apiVersion, typeMeta.kind);
  if (removed) return removedApiMessage(removed, typeMeta.kind);
  const otherVersions = catalog
    .resourceKeys()
    .filter((key) => key.endsWith(`/${typeMeta.kind}`))
    .map((key) => key.slice(0, -typeMeta.kind.length - 1));
  if (PRE_RELEASE_VERSION.test(typeMeta.apiVersion))
    return preReleaseMessage(typeMeta, otherVersions);
  const known =
    otherVersions.length > 0
      ? ` (schemas exist for ${typeMeta.kind} in ${otherVersions.join(', ')})`
      : '';
  return (
    `no schema for ${typeMeta.apiVersion} ${typeMeta.kind}${known}: add its model to tools/schemas/src/sources/resource-models.ts ` +
    'and regenerate, or list the kind with a reason in libs/validate/src/config/skipped-kinds.ts'
  );
}

/** `v1alpha1`, `v1beta2`, `resource.k8s.io/v1beta1`: an API version before general availability. */
const PRE_RELEASE_VERSION = /(^|\/)v\d+(alpha|beta)\d+$/;

/**
 * An alpha or beta version the model package has no schema for. Kubernetes serves alpha APIs,
 * and beta APIs added since 1.24, only when the cluster enables them (EKS enables none), so the
 * advice is the GA version when there is one.
 */
function preReleaseMessage(typeMeta: { apiVersion: string; kind: string }, ga: string[]): string {
  const use =
    ga.length > 0
      ? `use ${ga.join(' or ')}`
      : 'list the kind with a reason in libs/validate/src/config/skipped-kinds.ts if the cluster enables it';
  return (
    `${typeMeta.apiVersion} ${typeMeta.kind} is a pre-release API that Kubernetes serves only when the cluster enables it ` +
    `(off by default, and on EKS), and the models this repository validates with have no schema for it: ${use}`
  );
}
