import { checkResourceSchema } from '../checks/resource-schema-check';
import { buildValidationReport, type ValidationReport } from '../report/validation-report';
import type { SourceFile } from './source-file';
import { runStructuralChecks } from './structural-checks';
import { resolvedCatalog, resolvedSkippedKinds, type ValidateOptions } from './validate-options';

/**
 * Validates rendered Kubernetes YAML and Helm values files, offline, against the embedded closed
 * schemas. Pure: reads nothing but the given files and the committed schemas.
 */
export function validateFiles(
  files: readonly SourceFile[],
  options: ValidateOptions = {},
): ValidationReport {
  const catalog = resolvedCatalog(options);
  const skippedKinds = resolvedSkippedKinds(options);
  const structural = runStructuralChecks(files, catalog);
  const findings = [...structural.findings];
  let skipped = 0;
  for (const resource of structural.resources) {
    const result = checkResourceSchema(resource, catalog, skippedKinds);
    findings.push(...result.findings);
    if (result.skipped) skipped += 1;
  }
  return buildValidationReport(findings, { ...structural.counts, skipped }, 'embedded');
}
