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
import type { Invocation } from '../../cli/command';
import { CommandFailure, type CommandReport } from '../../cli/command-report';
import { collectYamlFiles, listYamlFiles } from '../../workspace/collect-yaml-files';
import { renderedCrdFiles } from '../../workspace/rendered-crd-files';
import { checkedPaths } from '../../workspace/rendered-paths';
import type { validateOptions } from './validate-command';

/**
 * Strict, offline schema validation of rendered YAML and Helm values files. Paths default to
 * rendered/, narrowed by --app and --cluster. Exit 0 when there are no errors, 1 on any error (or
 * nothing to validate), 2 on a usage error or unreadable input.
 */
export async function runValidate({
  root,
  options,
  arguments: given,
}: Invocation<typeof validateOptions>): Promise<CommandReport> {
  const engine = options.engine ?? 'auto';
  if (!isValidationEngineChoice(engine))
    throw new CommandFailure(
      `--engine must be one of ${validationEngines.join(', ')} (got "${engine}")`,
      2,
    );
  const paths = checkedPaths(root, given, options);
  let report: ValidationReport;
  try {
    // Listed, not read: the files are read one at a time as they are validated.
    const files = listYamlFiles(root, paths);
    report = await validate(files, {
      engine,
      crdSources: () => renderedCrdFiles(root),
    });
  } catch (error) {
    // A missing path, an unreadable file, or a kubeconform that cannot run: the command was not
    // usable as given.
    throw new CommandFailure((error as Error).message, 2);
  }
  const coverage = options.explainCoverage
    ? celCoverageOfFiles(collectYamlFiles(root, paths))
    : undefined;
  // An empty input is a failure: a broken render or a wrong path must not pass as "valid".
  const nothingValidated = report.summary.resources === 0;
  return {
    exitCode: report.summary.errors > 0 || nothingValidated ? 1 : 0,
    json: {
      findings: report.findings,
      summary: report.summary,
      ...(coverage ? { celCoverage: coverage } : {}),
    },
    notes: nothingValidated ? [`gitops validate: no resources found in ${paths.join(', ')}`] : [],
    text: () =>
      [
        ...report.findings.map(formatFinding),
        ...(coverage ? formatCoverage(coverage) : []),
        formatValidationSummary(report.summary),
      ].join('\n'),
  };
}

/** The CEL rules of the CRDs among the files that are not evaluated offline, and why. */
function formatCoverage(coverage: readonly CelRuleCoverage[]): string[] {
  const skipped = coverage.filter((entry) => !entry.evaluated);
  return [
    `CEL rules of the CRDs validated against: ${coverage.length - skipped.length} of ${coverage.length} evaluated`,
    ...skipped.map(
      (entry) => `  not evaluated: ${entry.key} ${entry.path}: ${entry.rule}  (${entry.reason})`,
    ),
  ];
}
