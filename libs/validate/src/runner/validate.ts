import { readFileSync } from 'node:fs';
import type { ValidationReport } from '../checks/report/validation-report';
import type { SourceFile } from '../checks/source-file';
import type { DiskFile } from './disk-file';
import { findKubeconform } from './kubeconform/kubeconform-binary';
import { validateWithKubeconform } from './kubeconform/validate-with-kubeconform';
import { validateDiskFiles } from './validate-disk-files';
import { validateFiles } from './validate-files';
import type { ValidateOptions } from './validate-options';

export const validationEngines = ['embedded', 'kubeconform', 'auto'] as const;
export type ValidationEngineChoice = (typeof validationEngines)[number];

export interface ValidationOptions extends ValidateOptions {
  /** `auto` (default) uses kubeconform when one is found ($KUBECONFORM or PATH), else embedded. */
  engine?: ValidationEngineChoice;
  /** Where to look for kubeconform; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export function isValidationEngineChoice(value: string): value is ValidationEngineChoice {
  return (validationEngines as readonly string[]).includes(value);
}

/**
 * Validates rendered Kubernetes YAML and Helm values files, offline: the one way in. Each file is
 * checked on its own (`checks/validate-file.ts`), then what needs all files (duplicates, CRDs
 * found among them). This decides how: files in memory are checked in order on this thread;
 * files on disk are read as they are checked (from 1,000 files by a reader thread); with
 * kubeconform (`engine`), it checks the resource schemas and this library the rest. The findings
 * and their messages are the same whichever way.
 */
export async function validate(
  files: readonly SourceFile[] | readonly DiskFile[],
  options: ValidationOptions = {},
): Promise<ValidationReport> {
  const binary = chosenKubeconform(options);
  if (!binary)
    return isOnDisk(files) ? validateDiskFiles(files, options) : validateFiles(files, options);
  const read = isOnDisk(files)
    ? files.map(({ path, absolute }) => ({ path, content: readFileSync(absolute, 'utf8') }))
    : files;
  return validateWithKubeconform(read, binary, options);
}

function isOnDisk(
  files: readonly SourceFile[] | readonly DiskFile[],
): files is readonly DiskFile[] {
  return files.length > 0 && 'absolute' in files[0]!;
}

/** The kubeconform binary the options choose, or undefined for the embedded engine. */
function chosenKubeconform(options: ValidationOptions): string | undefined {
  const engine = options.engine ?? 'auto';
  const binary = engine === 'embedded' ? undefined : findKubeconform(options.env);
  if (engine === 'kubeconform' && !binary)
    throw new Error('engine kubeconform: no kubeconform binary found ($KUBECONFORM or PATH)');
  return binary;
}
