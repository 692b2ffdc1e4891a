import { parseSourceFile } from '@platform/manifests';
import type { ValidationReport } from '../checks/report/validation-report';
import type { SourceFile } from '../checks/source-file';
import { validateFile } from '../checks/validate-file';
import type { ValidateOptions } from './validate-options';
import { finishValidation, initialContext, validationInputs } from './validation-inputs';

/**
 * The in-order way of `validate`, for files in memory: each file checked in turn on this thread,
 * against the embedded closed schemas and the CRDs among the same files (their structural schemas
 * and CEL rules), then what needs all of them. Reads nothing but the given files and the committed
 * schemas (and the caches). Parses through `parseSourceFile`, so policy and the other checks of
 * the same command reuse the parse of the same file objects.
 */
export function validateFiles(
  files: readonly SourceFile[],
  options: ValidateOptions = {},
): ValidationReport {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const inputs = validationInputs(options, byPath);
  const context = initialContext(inputs);
  const validations = files.map((file) => validateFile(file, parseSourceFile(file), context));
  return finishValidation(validations, inputs, (path) => byPath.get(path)!);
}
