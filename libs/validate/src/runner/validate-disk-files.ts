import { readFileSync } from 'node:fs';
import { parseManifestFile } from '@platform/manifests';
import { celLibrary, prepareCelLibrary } from '../evaluators/cel/cel-library';
import { hasCelRules } from '../evaluators/cel/cel-rules';
import { validateFile, type FileValidation } from '../checks/validate-file';
import type { SourceFile } from '../checks/source-file';
import type { ValidateOptions } from './validate-options';
import {
  finishValidation,
  initialContext,
  validationInputs,
  type ValidationInputs,
} from './validation-inputs';
import type { ValidationReport } from '../checks/report/validation-report';
import type { DiskFile } from './disk-file';
import { FileReader, type ReadFile } from './file-reader-thread';
import { freshWorkerBundle, workerBundle } from './worker-bundle';

export interface DiskValidationOptions extends ValidateOptions {
  /**
   * A reader thread the caller started before listing the files (`startFileReader`), used from
   * 1,000 files and closed in any case.
   */
  reader?: FileReader;
}

/**
 * `validateFiles` for files on disk, as `gitops validate` reads them: each file is read, checked
 * and dropped in turn, so memory holds what the report needs and not every text and value. From
 * 1,000 files a thread of its own reads them ahead. The report is the same either way.
 */
export async function validateDiskFiles(
  files: readonly DiskFile[],
  options: DiskValidationOptions = {},
): Promise<ValidationReport> {
  try {
    const absoluteOf = new Map(files.map((file) => [file.path, file.absolute]));
    const readSource = (path: string): SourceFile => ({
      path,
      content: readFileSync(absoluteOf.get(path)!, 'utf8'),
    });
    await prepareCelLibrary();
    const reader =
      files.length < readerThreadMinFiles ? undefined : (options.reader ?? (await builtReader()));
    if (!reader) {
      const inputs = validationInputs(options, absoluteOf);
      return finishValidation(validateHere(inputs, files), inputs, readSource);
    }
    // The reader reads while this thread finds the CRDs and loads the validators; should this
    // thread then wait for the first files, it loads the CEL library meanwhile.
    const known: { inputs?: ValidationInputs } = {};
    const read = startReading(reader, files, () => known.inputs && loadCelLibraryFor(known.inputs));
    try {
      const inputs = (known.inputs = validationInputs(options, absoluteOf));
      return finishValidation(await validateAsRead(read, inputs, files), inputs, readSource);
    } finally {
      // Stops the reader if anything threw midway (it would otherwise wait for this thread).
      await read.batches.return(undefined);
    }
  } finally {
    options.reader?.close();
  }
}

/** A reader thread, its bundle built first if out of date; undefined when it cannot be built. */
async function builtReader(): Promise<FileReader | undefined> {
  const bundle = await bundleOrNone('./file-reader-worker.ts');
  return bundle ? new FileReader(bundle) : undefined;
}

/**
 * A reader thread, started before the files are listed, from its bundle as already built:
 * undefined when the bundle is out of date (then `validateDiskFiles` builds it only if there are
 * enough files to use it).
 */
export function startFileReader(): FileReader | undefined {
  let bundle: string | undefined;
  try {
    bundle = freshWorkerBundle(new URL('./file-reader-worker.ts', import.meta.url));
  } catch {
    bundle = undefined;
  }
  return bundle ? new FileReader(bundle) : undefined;
}

/** Validation on this thread, one file at a time. */
function validateHere(inputs: ValidationInputs, files: readonly DiskFile[]): FileValidation[] {
  const context = initialContext(inputs);
  return files.map(({ path, absolute }) => {
    const content = readFileSync(absolute, 'utf8');
    return validateFile({ path, content }, parseManifestFile(path, content), context);
  });
}

/** From this many files, a thread of its own reads and parses them (file-reader-thread.ts). */
export const readerThreadMinFiles = 1_000;

/** The reader thread's batches, the first already asked for (which starts the thread). */
interface StartedReading {
  batches: AsyncGenerator<ReadFile[]>;
  first: Promise<IteratorResult<ReadFile[]>>;
}

function startReading(
  reader: FileReader,
  files: readonly DiskFile[],
  whileWaiting: () => void,
): StartedReading {
  const batches = reader.read(
    files.map((file) => file.absolute),
    undefined,
    whileWaiting,
  );
  const first = batches.next();
  // Awaited later; if finding the CRDs or loading the validators throws first, its failure is
  // not left unhandled.
  first.catch(() => undefined);
  return { batches, first };
}

/** Loads the CEL library now if the CRDs known before any file is read have rules. */
function loadCelLibraryFor(inputs: ValidationInputs): void {
  if (inputs.otherCrdVersions.some((version) => hasCelRules(version.openApi))) celLibrary();
}

/** Validation on this thread of files another thread reads ahead, in order. */
async function validateAsRead(
  { batches, first }: StartedReading,
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

/**
 * A worker's bundle, or undefined when it cannot be built (esbuild missing, cache not writable):
 * then the files are read and validated here, one at a time, with the same report.
 */
async function bundleOrNone(entry: string): Promise<string | undefined> {
  try {
    return await workerBundle(new URL(entry, import.meta.url));
  } catch {
    return undefined;
  }
}
