import {
  checkPolicy,
  formatExemption,
  formatPolicyFinding,
  formatPolicySummary,
} from '@platform/policy';
import type { CommandOptions } from '../main';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';
import { reportFailure } from './command-failure';

/**
 * `gitops policy [paths…] [--app A] [--cluster C]`: the policy rules (docs/policy.md) over the given files and
 * directories, `rendered/` by default. Exit 1 when any finding is an error.
 */
export async function policyCommand(options: CommandOptions): Promise<number> {
  const paths = options.positionals.length > 0 ? options.positionals : renderedPaths(options);
  if (paths.length === 0)
    return reportFailure(
      'policy',
      `nothing rendered for${options.app ? ` app ${options.app}` : ''}${options.cluster ? ` cluster ${options.cluster}` : ''}`,
      options.json,
      2,
    );
  let files;
  try {
    files = collectYamlFiles(options.root, paths);
  } catch (error) {
    return reportFailure('policy', (error as Error).message, options.json, 2);
  }
  const report = checkPolicy(files);
  // As in validate: nothing checked is a failure, never a pass.
  const nothingChecked = report.counts.resources === 0;
  if (nothingChecked && !options.json)
    process.stderr.write(`gitops policy: no resources found in ${paths.join(', ')}\n`);
  if (options.json) {
    const { findings, exemptions, counts: summary } = report;
    process.stdout.write(`${JSON.stringify({ findings, exemptions, summary }, null, 2)}\n`);
  } else {
    const lines = [
      ...report.findings.map(formatPolicyFinding),
      ...(report.exemptions.length > 0
        ? ['exemptions in force:', ...report.exemptions.map((e) => `  ${formatExemption(e)}`)]
        : []),
      formatPolicySummary(report.counts),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.counts.errors > 0 || nothingChecked ? 1 : 0;
}
