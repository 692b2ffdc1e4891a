import {
  checkPolicy,
  formatExemption,
  formatPolicyFinding,
  formatPolicySummary,
} from '@platform/policy';
import type { Invocation } from '../../cli/command';
import { CommandFailure, type CommandReport } from '../../cli/command-report';
import { collectYamlFiles } from '../../workspace/collect-yaml-files';
import { checkedPaths } from '../../workspace/rendered-paths';
import type { policyOptions } from './policy-command';

/** The policy rules (docs/policy.md) over the files given, rendered/ by default. */
export async function runPolicy({
  root,
  options,
  arguments: given,
}: Invocation<typeof policyOptions>): Promise<CommandReport> {
  const paths = checkedPaths(root, given, options);
  let files;
  try {
    files = collectYamlFiles(root, paths);
  } catch (error) {
    throw new CommandFailure((error as Error).message, 2);
  }
  const report = checkPolicy(files);
  // As in validate: nothing checked is a failure, never a pass.
  const nothingChecked = report.counts.resources === 0;
  const { findings, exemptions, counts: summary } = report;
  return {
    exitCode: report.counts.errors > 0 || nothingChecked ? 1 : 0,
    json: { findings, exemptions, summary },
    notes: nothingChecked ? [`gitops policy: no resources found in ${paths.join(', ')}`] : [],
    text: () =>
      [
        ...findings.map(formatPolicyFinding),
        ...(exemptions.length > 0
          ? ['exemptions in force:', ...exemptions.map((e) => `  ${formatExemption(e)}`)]
          : []),
        formatPolicySummary(summary),
      ].join('\n'),
  };
}
