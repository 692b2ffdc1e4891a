import { readFileSync } from 'node:fs';
import { findSkippedKind } from '../config/skipped-kinds';
import { findKubeconform } from '../kubeconform/kubeconform-binary';
import { runKubeconform } from '../kubeconform/run-kubeconform';
import { buildValidationReport, type ValidationReport } from '../report/validation-report';
import type { SourceFile } from './source-file';
import { runStructuralChecks } from './structural-checks';
import { resolvedCatalog, resolvedSkippedKinds, type ValidateOptions } from './validate-options';
import { validateFiles } from './validate-files';
import type { DiskFile } from '../parallel/disk-file';
import { validateDiskFiles } from '../parallel/validate-disk-files';
import type { FileReader } from '../parallel/file-reader-thread';

export const validationEngines = ['embedded', 'kubeconform', 'auto'] as const;
export type ValidationEngineChoice = (typeof validationEngines)[number];

export interface RunValidationOptions extends ValidateOptions {
  /** `auto` (default) uses kubeconform when one is found ($KUBECONFORM or PATH), else embedded. */
  engine?: ValidationEngineChoice;
  /** Where to look for kubeconform; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Embedded engine on disk files: worker threads (see `validateDiskFiles`). */
  threads?: number;
  /** Embedded engine on disk files: a reader thread started early (see `validateDiskFiles`). */
  reader?: FileReader;
}

export function isValidationEngineChoice(value: string): value is ValidationEngineChoice {
  return (validationEngines as readonly string[]).includes(value);
}

/**
 * `runValidation` of files still on disk: the embedded engine reads them one by one (in worker
 * threads for large inputs); kubeconform gets them read, as it always did.
 */
export async function runDiskValidation(
  files: readonly DiskFile[],
  options: RunValidationOptions = {},
): Promise<ValidationReport> {
  if (!chosenKubeconform(options)) return validateDiskFiles(files, options);
  options.reader?.close();
  const read = files.map(({ path, absolute }) => ({
    path,
    content: readFileSync(absolute, 'utf8'),
  }));
  return runValidation(read, options);
}

/** Validates with the chosen engine; both report the same kinds of findings in the same format. */
export async function runValidation(
  files: readonly SourceFile[],
  options: RunValidationOptions = {},
): Promise<ValidationReport> {
  const binary = chosenKubeconform(options);
  if (!binary) return validateFiles(files, options);

  const catalog = resolvedCatalog(options);
  const skippedKinds = resolvedSkippedKinds(options);
  const structural = runStructuralChecks(files, catalog);
  const skip = structural.resources
    .map(({ typeMeta }) => typeMeta)
    .filter(
      (t) =>
        !catalog.hasResource(t.apiVersion, t.kind) &&
        findSkippedKind(skippedKinds, t.apiVersion, t.kind),
    )
    .map((t) => `${t.apiVersion}/${t.kind}`);
  const schemaFindings = await runKubeconform({
    binary,
    files: structural.resourceFiles,
    resources: structural.resources,
    catalog,
    skip,
  });
  return buildValidationReport(
    [...structural.findings, ...schemaFindings],
    { ...structural.counts, skipped: skip.length },
    'kubeconform',
  );
}

/** The kubeconform binary the options choose, or undefined for the embedded engine. */
function chosenKubeconform(options: RunValidationOptions): string | undefined {
  const engine = options.engine ?? 'auto';
  const binary = engine === 'embedded' ? undefined : findKubeconform(options.env);
  if (engine === 'kubeconform' && !binary)
    throw new Error('engine kubeconform: no kubeconform binary found ($KUBECONFORM or PATH)');
  return binary;
}
