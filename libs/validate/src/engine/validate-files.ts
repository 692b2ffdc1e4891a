import { parseSourceFile } from '@platform/manifests';
import type { ValidationReport } from '../report/validation-report';
import { combineFileValidations } from './combine-file-validations';
import { validateFile } from './file-validation';
import type { SourceFile } from './source-file';
import type { ValidateOptions } from './validate-options';
import { initialContext, validationInputs } from './validation-inputs';

/**
 * Validates rendered Kubernetes YAML and Helm values files, offline, against the embedded closed
 * schemas, and custom resources against the CRDs among the same files (their structural schemas
 * and CEL rules) where those CRDs are present. Pure: reads nothing but the given files and the
 * committed schemas. Parses through `parseSourceFile`, so policy and the other checks of the same
 * command reuse the parse of the same file objects.
 */
export function validateFiles(
  files: readonly SourceFile[],
  options: ValidateOptions = {},
): ValidationReport {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const inputs = validationInputs(options, byPath);
  const context = initialContext(inputs);
  const validations = files.map((file) => validateFile(file, parseSourceFile(file), context));
  return combineFileValidations(validations, inputs, (path) => byPath.get(path)!);
}
