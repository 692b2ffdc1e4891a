import { checkPolicy, formatPolicyFinding, formatPolicySummary } from '@platform/policy';
import { inventory, namespaces } from '@platform/config';
import {
  checkIsolation,
  formatReachSummary,
  reachSummaries,
  renderedObjects,
} from '@platform/isolation';
import { convergeJson, formatConvergeSummary } from '@platform/converge';
import { formatFinding } from '@platform/manifests';
import { checkNodeAgentTolerations, checkRunbooks } from '@platform/monitoring';
import { formatValidationSummary, validateFiles } from '@platform/validate';
import { deliveryFindings } from '../check/delivery-check';
import { verifyVendorTree } from '../vendor';
import { findDrift } from '../check/drift';
import type { CommandOptions } from '../main';
import { renderInMemory, runRenderChecks } from '../render/render-pipeline';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { readRunbooks } from '../workspace/read-runbooks';
import { renderedPaths } from '../workspace/rendered-paths';
import { capacityFailed, formatCapacitySummary, planRenderedCapacity } from './capacity-command';
import { convergeWorkspace, noBootstrapMessage } from './converge-command';
import { renderChecks } from './render-checks';
import { counted } from '@platform/manifests';

/**
 * Everything CI runs, offline: strict validation, policy and the capacity plan over the committed
 * rendered/, then a fresh render (with the same checks) compared with it file by file.
 */
export async function checkCommand(options: CommandOptions): Promise<number> {
  const files = collectYamlFiles(options.root, renderedPaths({ root: options.root }));
  const validation = validateFiles(files);
  const policy = checkPolicy(files);
  const capacity = planRenderedCapacity(files);
  const { render } = await renderInMemory({ root: options.root });
  const drift = findDrift(options.root, render);
  // Without drift the fresh render is, byte for byte, the files validated and policy-checked
  // above: checking it again would repeat their findings at the cost of a second pass. With
  // drift, it must pass the checks every render passes before it writes.
  if (drift.length > 0) await runRenderChecks(render.files, renderChecks(options.root));
  const delivery = deliveryFindings(files);
  // The same parsed files: the replay of the bootstrap as Argo CD 3.5.1 syncs it.
  const convergence = convergeWorkspace(options.root, files);
  const vendor = verifyVendorTree(options.root);
  // Observability: every monitor links an existing runbook, every node agent tolerates every taint.
  const monitoring = [
    ...checkRunbooks({
      repository: inventory.repository,
      renderedFiles: files,
      runbooks: readRunbooks(options.root),
    }),
    ...checkNodeAgentTolerations({
      renderedFiles: files,
      agentNamespace: namespaces.observability,
    }),
  ];
  // Isolation: what a privileged job that escapes to its node would hold there, the reach of the
  // secret store and of job egress, and admission as the API server applies it at Deny.
  const isolation = checkIsolation(files);
  const reach = reachSummaries(renderedObjects(files));
  const failed =
    vendor.length > 0 ||
    isolation.length > 0 ||
    validation.summary.errors > 0 ||
    policy.counts.errors > 0 ||
    delivery.length > 0 ||
    capacityFailed(capacity) ||
    monitoring.length > 0 ||
    (convergence?.clusters.some((c) => !c.converged) ?? false) ||
    drift.length > 0;

  if (options.json) {
    const report = {
      validate: { findings: validation.findings, summary: validation.summary },
      policy: { findings: policy.findings, exemptions: policy.exemptions, summary: policy.counts },
      vendor: { findings: vendor },
      delivery: { findings: delivery },
      capacity: capacity.map((plan) => ({ cluster: plan.cluster, findings: plan.findings })),
      monitoring: { findings: monitoring },
      isolation: { findings: isolation, pools: reach },
      converge: convergence ? convergeJson(convergence.clusters) : { skipped: noBootstrapMessage },
      drift,
      passed: !failed,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  const lines: string[] = [
    ...vendor.map((f) => `${f.file}  ${f.message}  [vendor]`),
    `vendor: ${vendor.length === 0 ? 'every vendored artifact matches vendor/vendor.lock.json' : counted(vendor.length, 'error')}`,
    ...validation.findings.map(formatFinding),
    formatValidationSummary(validation.summary),
    ...policy.findings.map(formatPolicyFinding),
    formatPolicySummary(policy.counts),
    ...delivery.map((f) => `${formatFinding(f)}  [${f.rule}]`),
    `delivery: ${delivery.length === 0 ? 'every object fits the Application, AppProject and namespaces ArgoCD will apply it with' : counted(delivery.length, 'error')}`,
    ...formatCapacitySummary(capacity),
    ...monitoring.map((f) => `${formatFinding(f)}  [${f.rule}]`),
    `monitoring: ${monitoring.length === 0 ? 'every monitor links an existing runbook; the node agents tolerate every NodePool taint' : counted(monitoring.length, 'error')}`,
    ...reach.map((pool) => `isolation: ${formatReachSummary(pool)}`),
    ...isolation.map((f) => `${formatFinding(f)}  [${f.rule}]`),
    `isolation: ${isolation.length === 0 ? 'a privileged node holds its own job and what its agents need, nothing more; the secret store serves only the namespaces that use it; CI jobs reach only the internet; admission denies what protects and admits every rendered pod at Deny; each AppProject allows exactly what its Applications deploy, Argo CD signs in only through SSO' : counted(isolation.length, 'error')}`,
    ...(convergence
      ? formatConvergeSummary(convergence)
      : [`converge: skipped, ${noBootstrapMessage}`]),
  ];
  if (drift.length === 0) {
    lines.push(`drift: rendered/ matches a fresh render (${counted(render.files.length, 'file')})`);
  } else {
    const differ = drift.length === 1 ? 'differs' : 'differ';
    lines.push(
      `drift: ${counted(drift.length, 'file')} in rendered/ ${differ} from a fresh render:`,
    );
    for (const entry of drift) lines.push(`  ${entry.kind.padEnd(8)} ${entry.path}`);
    lines.push('Run `npx gitops render` and commit rendered/.');
  }
  lines.push(failed ? 'check: FAILED' : 'check: passed');
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}
