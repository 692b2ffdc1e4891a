import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseManifestFile } from '@platform/manifests';
import { combineFileValidations } from '../engine/combine-file-validations';
import { validateFile, type FileValidation } from '../engine/file-validation';
import type { SourceFile } from '../engine/source-file';
import type { ValidateOptions } from '../engine/validate-options';
import type { ValidationContext } from '../engine/validation-context';
import {
  initialContext,
  validationInputs,
  type ValidationInputs,
} from '../engine/validation-inputs';
import type { ValidationReport } from '../report/validation-report';
import type { DiskFile } from './disk-file';
import { startValidationWorkerPool } from './validation-worker-pool';
import { workerBundle } from './worker-bundle';

/**
 * Below this many files, validation stays on the main thread. Each worker pays to start (the
 * bundle, the compiled schemas: 0.3-0.4 s) and to warm up (its first few hundred files run
 * before V8 has optimised the parser and validators), and on the 2-core development machine two
 * threads parse only about 1.3 times as fast as one: there, 10,000 files took 2.55 s on one
 * thread and 2.7 s on two, 20,000 files 4.1 s and 3.8 s.
 */
export const parallelValidationMinFiles = 15_000;
const maxThreads = 4;

export interface DiskValidationOptions extends ValidateOptions {
  /**
   * Worker threads to validate on (1: none, the main thread alone); by default one per core (at
   * most 4) from 15,000 files, none below.
   */
  threads?: number;
}

/**
 * `validateFiles` for files on disk, as `gitops validate` reads them: each file is read, checked
 * and dropped in turn, so memory holds what the report needs and not every text and value; large
 * inputs are spread over worker threads. The report is the same whatever the thread count.
 */
export async function validateDiskFiles(
  files: readonly DiskFile[],
  options: DiskValidationOptions = {},
): Promise<ValidationReport> {
  const absoluteOf = new Map(files.map((file) => [file.path, file.absolute]));
  const readSource = (path: string): SourceFile => ({
    path,
    content: readFileSync(absoluteOf.get(path)!, 'utf8'),
  });
  const threads = options.catalog ? 1 : (options.threads ?? defaultThreads(files.length));
  const bundle = threads > 1 ? await workerBundleOrNone() : undefined;
  if (!bundle) {
    const inputs = validationInputs(options, absoluteOf.keys());
    return combineFileValidations(validateHere(inputs)(files), inputs, readSource);
  }
  const pool = startValidationWorkerPool(bundle, threads);
  // The workers load while this thread reads the CRDs they will need.
  const inputs = validationInputs(options, absoluteOf.keys());
  const validations = await pool.validate(
    { type: 'setup', skippedKinds: inputs.skippedKinds, otherCrdVersions: inputs.otherCrdVersions },
    files,
    validateHere(inputs),
  );
  return combineFileValidations(validations, inputs, readSource);
}

/** Validation on this thread, one file at a time; the context is made on first use. */
function validateHere(inputs: ValidationInputs): (files: readonly DiskFile[]) => FileValidation[] {
  let context: ValidationContext | undefined;
  return (files) =>
    files.map(({ path, absolute }) => {
      context ??= initialContext(inputs);
      const content = readFileSync(absolute, 'utf8');
      return validateFile({ path, content }, parseManifestFile(path, content), context);
    });
}

function defaultThreads(fileCount: number): number {
  if (fileCount < parallelValidationMinFiles) return 1;
  return Math.min(availableParallelism(), maxThreads);
}

/** Without a bundle (esbuild missing, cache not writable) validation runs here: same report. */
async function workerBundleOrNone(): Promise<string | undefined> {
  try {
    return await workerBundle(new URL('./validation-worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
}
