import {
  checkPolicy,
  formatExemption,
  formatPolicyFinding,
  formatPolicySummary,
} from '@platform/policy';
import type { CommandOptions } from '../main';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';

/**
 * `gitops policy [paths…] [--app A] [--cluster C]`: the policy rules (docs/policy.md) over the given files and
 * directories, `rendered/` by default. Exit 1 when any finding is an error.
 */
export async function policyCommand(options: CommandOptions): Promise<number> {
  const paths = options.positionals.length > 0 ? options.positionals : renderedPaths(options);
  if (paths.length === 0) {
    process.stderr.write(
      `gitops policy: nothing rendered for app ${options.app ?? '*'} cluster ${options.cluster ?? '*'}\n`,
    );
    return 1;
  }
  const report = checkPolicy(collectYamlFiles(options.root, paths));
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
  return report.counts.errors > 0 ? 1 : 0;
}
