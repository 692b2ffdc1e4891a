import { readFileSync } from 'node:fs';
import { parseManifestFile } from '@platform/manifests';
import type { ValidationReport } from '../checks/report/validation-report';
import type { SourceFile } from '../checks/source-file';
import { validateFile, type FileValidation } from '../checks/validate-file';
import type { DiskFile } from './disk-file';
import { FileReader, type ReadFile } from './file-reader-thread';
import type { ValidateOptions } from './validate-options';
import {
  finishValidation,
  initialContext,
  validationInputs,
  type ValidationInputs,
} from './validation-inputs';
import { workerBundle } from './worker-bundle';

/** From this many files, a thread of its own reads and parses them (file-reader-thread.ts). */
export const readerThreadMinFiles = 1_000;

/**
 * The way of `validate` for files on disk, as `gitops validate` reads them: each file is read,
 * checked and dropped in turn, so memory holds what the report needs and not every text and
 * value. From 1,000 files a thread of its own reads (and parses) them ahead, while this thread
 * reads the committed CRDs and loads the validators. The report is the same either way.
 */
export async function validateDiskFiles(
  files: readonly DiskFile[],
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const absoluteOf = new Map(files.map((file) => [file.path, file.absolute]));
  const readSource = (path: string): SourceFile => ({
    path,
    content: readFileSync(absoluteOf.get(path)!, 'utf8'),
  });
  const reader = files.length < readerThreadMinFiles ? undefined : await builtReader();
  if (!reader) {
    const inputs = validationInputs(options, absoluteOf);
    return finishValidation(validateHere(inputs, files), inputs, readSource);
  }
  const batches = reader.read(files.map((file) => file.absolute));
  const first = batches.next();
  // Awaited later; if reading the CRDs or loading the validators throws first, its failure is
  // not left unhandled.
  first.catch(() => undefined);
  try {
    const inputs = validationInputs(options, absoluteOf);
    return finishValidation(
      await validateAsRead(batches, first, inputs, files),
      inputs,
      readSource,
    );
  } finally {
    // Stops the reader if anything threw midway (it would otherwise wait for this thread).
    await batches.return(undefined);
  }
}

/**
 * A reader thread, its bundle built first if out of date; undefined when it cannot be built
 * (esbuild missing, cache not writable): then the files are read and validated here, one at a
 * time, with the same report.
 */
async function builtReader(): Promise<FileReader | undefined> {
  try {
    return new FileReader(await workerBundle(new URL('./file-reader-worker.ts', import.meta.url)));
  } catch {
    return undefined;
  }
}

/** Validation on this thread, one file at a time. */
function validateHere(inputs: ValidationInputs, files: readonly DiskFile[]): FileValidation[] {
  const context = initialContext(inputs);
  return files.map(({ path, absolute }) => {
    const content = readFileSync(absolute, 'utf8');
    return validateFile({ path, content }, parseManifestFile(path, content), context);
  });
}

/** Validation on this thread of files another thread reads ahead, in order. */
async function validateAsRead(
  batches: AsyncGenerator<ReadFile[]>,
  first: Promise<IteratorResult<ReadFile[]>>,
  inputs: ValidationInputs,
  files: readonly DiskFile[],
): Promise<FileValidation[]> {
  const validations: FileValidation[] = [];
  const context = initialContext(inputs);
  for (let batch = await first; !batch.done; batch = await batches.next()) {
    for (const file of batch.value) {
      const { path } = files[validations.length]!;
      const content = file.content;
      const parsed = parseManifestFile(path, content, file.text());
      validations.push(validateFile({ path, content }, parsed, context));
    }
  }
  return validations;
}
