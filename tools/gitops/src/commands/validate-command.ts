import { formatFinding } from '@platform/manifests';
import {
  celCoverageOfFiles,
  formatValidationSummary,
  isValidationEngineChoice,
  validate,
  validationEngines,
  type CelRuleCoverage,
  type ValidationReport,
} from '@platform/validate';
import type { CommandOptions } from '../main';
import { collectYamlFiles, listYamlFiles } from '../workspace/collect-yaml-files';
import { renderedCrdFiles } from '../workspace/rendered-crd-files';
import { renderedPaths } from '../workspace/rendered-paths';
import { reportFailure } from './command-failure';

/**
 * `gitops validate [paths…] [--app A] [--cluster C] [--engine E] [--explain-coverage] [--json]`:
 * strict, offline schema validation of rendered YAML and Helm values files. Paths default to
 * rendered/, narrowed by --app and --cluster. Exit 0 when there are no errors, 1 on any error (or
 * nothing to validate), 2 on a usage error or unreadable input.
 */
export async function validateCommand(
  options: CommandOptions & { engine?: string },
): Promise<number> {
  const engine = options.engine ?? 'auto';
  const fail = (message: string) => reportFailure('validate', message, options.json, 2);
  if (!isValidationEngineChoice(engine))
    return fail(`--engine must be one of ${validationEngines.join(', ')} (got "${engine}")`);
  const paths = options.positionals.length > 0 ? options.positionals : renderedPaths(options);
  if (paths.length === 0)
    return fail(
      `nothing rendered for${options.app ? ` app ${options.app}` : ''}${options.cluster ? ` cluster ${options.cluster}` : ''}`,
    );
  let report: ValidationReport;
  try {
    // Listed, not read: the files are read one at a time as they are validated.
    const files = listYamlFiles(options.root, paths);
    report = await validate(files, {
      engine,
      crdSources: () => renderedCrdFiles(options.root),
    });
  } catch (error) {
    // A missing path, an unreadable file, or a kubeconform that cannot run: the command was not
    // usable as given.
    return fail((error as Error).message);
  }
  const coverage = options.explainCoverage
    ? celCoverageOfFiles(collectYamlFiles(options.root, paths))
    : undefined;
  // An empty input is a failure: a broken render or a wrong path must not pass as "valid".
  const nothingValidated = report.summary.resources === 0;
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ findings: report.findings, summary: report.summary, ...(coverage ? { celCoverage: coverage } : {}) }, null, 2)}\n`,
    );
  } else {
    for (const finding of report.findings) process.stdout.write(`${formatFinding(finding)}\n`);
    if (coverage) process.stdout.write(formatCoverage(coverage));
    process.stdout.write(`${formatValidationSummary(report.summary)}\n`);
    if (nothingValidated)
      process.stderr.write(`gitops validate: no resources found in ${paths.join(', ')}\n`);
  }
  return report.summary.errors > 0 || nothingValidated ? 1 : 0;
}

/** The CEL rules of the CRDs among the files that are not evaluated offline, and why. */
function formatCoverage(coverage: readonly CelRuleCoverage[]): string {
  const skipped = coverage.filter((entry) => !entry.evaluated);
  const lines = [
    `CEL rules of the CRDs validated against: ${coverage.length - skipped.length} of ${coverage.length} evaluated`,
    ...skipped.map(
      (entry) => `  not evaluated: ${entry.key} ${entry.path}: ${entry.rule}  (${entry.reason})`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
