import { parseSourceFile, type Finding } from '@platform/manifests';
import type { CrdVersionSchema } from './custom-resources/crd-versions';
import { findDuplicateResources, locateCandidateName } from './duplicate-resource-check';
import { buildValidationReport, type ValidationReport } from './report/validation-report';
import type { SourceFile } from './source-file';
import type { FileValidation } from './validate-file';

/**
 * The report of files validated one by one, in file order, plus what needs them all: duplicates
 * across files, found and located (`readSource` gives a duplicate's file again, to find its line).
 * `otherCrdVersions` are the CRDs validated against that are not among the files.
 */
export function combineFileValidations(
  results: readonly FileValidation[],
  otherCrdVersions: readonly CrdVersionSchema[],
  readSource: (path: string) => SourceFile,
): ValidationReport {
  const findings: Finding[] = results.flatMap((result) => result.findings);
  findings.push(
    ...findDuplicateResources(
      results.flatMap((result) => result.duplicateCandidates),
      (candidate) => locateCandidateName(parseSourceFile(readSource(candidate.file)), candidate),
    ),
  );
  const sum = (count: (result: FileValidation) => number) =>
    results.reduce((total, result) => total + count(result), 0);
  const crdVersions = [...results.flatMap((result) => result.crdVersions), ...otherCrdVersions];
  return buildValidationReport(
    findings,
    {
      files: results.length,
      resources: sum((result) => result.resources),
      helmValues: sum((result) => result.helmValues),
      skipped: sum((result) => result.skipped),
      customResourceDefinitions: new Set(crdVersions.map((version) => version.key)).size,
    },
    'embedded',
  );
}
