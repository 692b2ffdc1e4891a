import type { Finding } from '@platform/manifests';
import { checkResourceSchema } from '../checks/resource-schema-check';
import { evaluateCelRules } from '../crd/cel-rules';
import { crdSchemaSet, type CrdVersionSchema } from '../crd/crd-schema-set';
import { renderedCrdVersions } from '../crd/rendered-crds';
import { entryFinding } from '../resources/resource-entry';
import type { IdentifiedResource } from '../resources/identified-resource';
import { resourceSchemaKey } from '../schemas/schema-set';
import { buildValidationReport, type ValidationReport } from '../report/validation-report';
import type { SourceFile } from './source-file';
import { runStructuralChecks } from './structural-checks';
import { resolvedCatalog, resolvedSkippedKinds, type ValidateOptions } from './validate-options';

/**
 * Validates rendered Kubernetes YAML and Helm values files, offline, against the embedded closed
 * schemas, and custom resources against the CRDs among the same files (their structural schemas
 * and CEL rules) where those CRDs are present. Pure: reads nothing but the given files and the
 * committed schemas.
 */
export function validateFiles(
  files: readonly SourceFile[],
  options: ValidateOptions = {},
): ValidationReport {
  const baseCatalog = resolvedCatalog(options);
  const skippedKinds = resolvedSkippedKinds(options);
  const structural = runStructuralChecks(files, baseCatalog);
  const crdVersions = [
    ...renderedCrdVersions(structural.resources),
    ...renderedCrdVersions(
      runStructuralChecks(otherCrdSources(files, options), baseCatalog).resources,
    ),
  ];
  const catalog =
    crdVersions.length > 0 ? baseCatalog.withFirst(crdSchemaSet(crdVersions)) : baseCatalog;
  const crdByKey = new Map(crdVersions.map((version) => [version.key, version]));
  const findings = [...structural.findings];
  let skipped = 0;
  for (const resource of structural.resources) {
    const result = checkResourceSchema(resource, catalog, skippedKinds);
    findings.push(...result.findings);
    if (result.skipped) skipped += 1;
    const crd = crdByKey.get(
      resourceSchemaKey(resource.typeMeta.apiVersion, resource.typeMeta.kind),
    );
    // CEL rules run on objects that fit the schema, as the API server runs them.
    if (crd && result.findings.length === 0) findings.push(...celFindings(resource, crd));
  }
  return buildValidationReport(
    findings,
    { ...structural.counts, skipped, customResourceDefinitions: crdByKey.size },
    'embedded',
  );
}

function celFindings(resource: IdentifiedResource, crd: CrdVersionSchema): Finding[] {
  return evaluateCelRules(crd.openApi, resource.entry.value).map((violation) =>
    entryFinding(resource.entry, {
      path: violation.path,
      message: `${violation.message} (CEL rule of ${crd.source})`,
      rule: 'cel',
    }),
  );
}

/** The CRD sources that are not among the validated files (those are read from the files). */
function otherCrdSources(files: readonly SourceFile[], options: ValidateOptions): SourceFile[] {
  const validated = new Set(files.map((file) => file.path));
  return (options.crdSources ?? []).filter((source) => !validated.has(source.path));
}
