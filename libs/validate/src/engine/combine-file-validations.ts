import { parseSourceFile, type Finding } from '@platform/manifests';
import { findDuplicateResources, locateCandidateName } from '../checks/duplicate-resource-check';
import { buildValidationReport, type ValidationReport } from '../report/validation-report';
import { validateFile, type FileValidation } from './file-validation';
import type { SourceFile } from './source-file';
import { validationContext } from './validation-context';
import type { ValidationInputs } from './validation-inputs';

/**
 * The report of files validated one by one (in this thread or in workers), in file order, plus
 * what needs them all: files whose resources a CRD among the validated files defines are checked
 * again against it, and duplicates across files are found and located. `readSource` gives a
 * file's text again for those rare cases.
 */
export function combineFileValidations(
  validations: readonly FileValidation[],
  inputs: ValidationInputs,
  readSource: (path: string) => SourceFile,
): ValidationReport {
  const sources = new Map<string, SourceFile>();
  const source = (path: string) => {
    let file = sources.get(path);
    if (!file) sources.set(path, (file = readSource(path)));
    return file;
  };
  const discovered = validations.flatMap((validation) => validation.crdVersions);
  const allCrdVersions = [...discovered, ...inputs.otherCrdVersions];
  const results = discovered.length === 0 ? validations : recheck(validations, inputs, source);
  const findings: Finding[] = results.flatMap((result) => result.findings);
  findings.push(
    ...findDuplicateResources(
      results.flatMap((result) => result.duplicateCandidates),
      (candidate) => locateCandidateName(parseSourceFile(source(candidate.file)), candidate),
    ),
  );
  const sum = (count: (result: FileValidation) => number) =>
    results.reduce((total, result) => total + count(result), 0);
  return buildValidationReport(
    findings,
    {
      files: results.length,
      resources: sum((result) => result.resources),
      helmValues: sum((result) => result.helmValues),
      skipped: sum((result) => result.skipped),
      customResourceDefinitions: new Set(allCrdVersions.map((version) => version.key)).size,
    },
    'embedded',
  );
}

/** Validates again, against every CRD, the files with resources of a kind a validated file defines. */
function recheck(
  validations: readonly FileValidation[],
  inputs: ValidationInputs,
  source: (path: string) => SourceFile,
): FileValidation[] {
  const discovered = validations.flatMap((validation) => validation.crdVersions);
  const context = validationContext(inputs.baseCatalog(), inputs.skippedKinds, [
    ...discovered,
    ...inputs.otherCrdVersions,
  ]);
  const keys = new Set(discovered.map((version) => version.key));
  return validations.map((validation) => {
    if (!validation.schemaKeys.some((key) => keys.has(key))) return validation;
    const file = source(validation.file);
    return validateFile(file, parseSourceFile(file), context);
  });
}
