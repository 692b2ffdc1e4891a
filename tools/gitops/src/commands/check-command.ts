import { checkPolicy, formatPolicyFinding, formatPolicySummary } from '@platform/policy';
import { formatFinding } from '@platform/manifests';
import { formatValidationSummary, validateFiles } from '@platform/validate';
import { deliveryFindings } from '../check/delivery-check';
import { verifyVendorTree } from '../vendor';
import { findDrift } from '../check/drift';
import type { CommandOptions } from '../main';
import { renderInMemory } from '../render/render-pipeline';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';
import { capacityFailed, formatCapacitySummary, planRenderedCapacity } from './capacity-command';
import { renderChecks } from './render-checks';

/**
 * Everything CI runs, offline: strict validation, policy and the capacity plan over the committed
 * rendered/, then a fresh render (with the same checks) compared with it file by file.
 */
export async function checkCommand(options: CommandOptions): Promise<number> {
  const files = collectYamlFiles(options.root, renderedPaths({ root: options.root }));
  const validation = validateFiles(files);
  const policy = checkPolicy(files);
  const capacity = planRenderedCapacity(files);
  const { render } = await renderInMemory({ root: options.root, checks: renderChecks() });
  const drift = findDrift(options.root, render);
  const delivery = deliveryFindings(files);
  const vendor = verifyVendorTree(options.root);
  const failed =
    vendor.length > 0 ||
    validation.summary.errors > 0 ||
    policy.counts.errors > 0 ||
    delivery.length > 0 ||
    capacityFailed(capacity) ||
    drift.length > 0;

  if (options.json) {
    const report = {
      validate: { findings: validation.findings, summary: validation.summary },
      policy: { findings: policy.findings, exemptions: policy.exemptions, summary: policy.counts },
      vendor: { findings: vendor },
      delivery: { findings: delivery },
      capacity: capacity.map((plan) => ({ cluster: plan.cluster, findings: plan.findings })),
      drift,
      passed: !failed,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  const lines: string[] = [
    ...vendor.map((f) => `${f.file}  ${f.message}  [vendor]`),
    `vendor: ${vendor.length === 0 ? 'every vendored artifact matches vendor/vendor.lock.json' : `${vendor.length} error(s)`}`,
    ...validation.findings.map(formatFinding),
    formatValidationSummary(validation.summary),
    ...policy.findings.map(formatPolicyFinding),
    formatPolicySummary(policy.counts),
    ...delivery.map((f) => `${formatFinding(f)}  [${f.rule}]`),
    `delivery: ${delivery.length === 0 ? 'every object fits the Application, AppProject and namespaces ArgoCD will apply it with' : `${delivery.length} error(s)`}`,
    ...formatCapacitySummary(capacity),
  ];
  if (drift.length === 0) {
    lines.push(`drift: rendered/ matches a fresh render (${render.files.length} files)`);
  } else {
    lines.push(`drift: ${drift.length} file(s) in rendered/ differ from a fresh render:`);
    for (const entry of drift) lines.push(`  ${entry.kind.padEnd(8)} ${entry.path}`);
    lines.push('Run `npx gitops render` and commit rendered/.');
  }
  lines.push(failed ? 'check: FAILED' : 'check: passed');
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}
