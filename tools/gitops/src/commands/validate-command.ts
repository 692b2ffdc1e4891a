import { formatFinding } from '@platform/manifests';
import {
  formatValidationSummary,
  isValidationEngineChoice,
  runValidation,
  validationEngines,
  type ValidationReport,
} from '@platform/validate';
import type { CommandOptions } from '../main';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';

/**
 * `gitops validate [paths…] [--app A] [--cluster C] [--engine E] [--json]`: strict, offline schema
 * validation of rendered YAML and Helm values files. Paths default to rendered/, narrowed by
 * --app and --cluster. Exit 0 when there are no errors, 1 on any error (or nothing to validate),
 * 2 on a usage error.
 */
export async function validateCommand(
  options: CommandOptions & { engine?: string },
): Promise<number> {
  const engine = options.engine ?? 'auto';
  if (!isValidationEngineChoice(engine)) {
    process.stderr.write(
      `gitops validate: --engine must be one of ${validationEngines.join(', ')} (got "${engine}")\n`,
    );
    return 2;
  }
  const paths = options.positionals.length > 0 ? options.positionals : renderedPaths(options);
  if (paths.length === 0) {
    process.stderr.write(
      `gitops validate: nothing rendered for${options.app ? ` app ${options.app}` : ''}${options.cluster ? ` cluster ${options.cluster}` : ''}\n`,
    );
    return 1;
  }
  let report: ValidationReport;
  try {
    report = await runValidation(collectYamlFiles(options.root, paths), { engine });
  } catch (error) {
    // A missing path, or a kubeconform that cannot run: the command was not usable as given.
    process.stderr.write(`gitops validate: ${(error as Error).message}\n`);
    return 2;
  }
  // An empty input is a failure: a broken render or a wrong path must not pass as "valid".
  const nothingValidated = report.summary.resources === 0;
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ findings: report.findings, summary: report.summary }, null, 2)}\n`,
    );
  } else {
    for (const finding of report.findings) process.stdout.write(`${formatFinding(finding)}\n`);
    process.stdout.write(`${formatValidationSummary(report.summary)}\n`);
    if (nothingValidated)
      process.stderr.write(`gitops validate: no resources found in ${paths.join(', ')}\n`);
  }
  return report.summary.errors > 0 || nothingValidated ? 1 : 0;
}
