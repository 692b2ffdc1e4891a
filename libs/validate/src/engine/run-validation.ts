import { findSkippedKind } from '../config/skipped-kinds';
import { findKubeconform } from '../kubeconform/kubeconform-binary';
import { runKubeconform } from '../kubeconform/run-kubeconform';
import { buildValidationReport, type ValidationReport } from '../report/validation-report';
import type { SourceFile } from './source-file';
import { runStructuralChecks } from './structural-checks';
import { resolvedCatalog, resolvedSkippedKinds, type ValidateOptions } from './validate-options';
import { validateFiles } from './validate-files';

export const validationEngines = ['embedded', 'kubeconform', 'auto'] as const;
export type ValidationEngineChoice = (typeof validationEngines)[number];

export interface RunValidationOptions extends ValidateOptions {
  /** `auto` (default) uses kubeconform when one is found ($KUBECONFORM or PATH), else embedded. */
  engine?: ValidationEngineChoice;
  /** Where to look for kubeconform; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export function isValidationEngineChoice(value: string): value is ValidationEngineChoice {
  return (validationEngines as readonly string[]).includes(value);
}

/** Validates with the chosen engine; both report the same kinds of findings in the same format. */
export async function runValidation(
  files: readonly SourceFile[],
  options: RunValidationOptions = {},
): Promise<ValidationReport> {
  const engine = options.engine ?? 'auto';
  const binary = engine === 'embedded' ? undefined : findKubeconform(options.env);
  if (engine === 'kubeconform' && !binary)
    throw new Error('engine kubeconform: no kubeconform binary found ($KUBECONFORM or PATH)');
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
