import { writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import {
  capacitySvg,
  formatCapacityFinding,
  formatCapacityReport,
  planClusterCapacity,
  type CapacityPlan,
  type CapacityPlanInput,
} from '@platform/capacity';
import { inventory, renderedRoot, type Inventory } from '@platform/config';
import type { CommandOptions } from '../main';
import { collectYamlFiles, type SourceFile } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';
import { counted } from '@platform/manifests';

/**
 * The capacity plan of every cluster with NodePools in `files` (the rendered/ tree), or of
 * `cluster` alone. Files are grouped by their `rendered/<cluster>/` prefix. `what` swaps the
 * inventory or an input (tests, what-ifs).
 */
export function planRenderedCapacity(
  files: readonly SourceFile[],
  cluster?: string,
  what: { inventory?: Inventory; overrides?: Partial<CapacityPlanInput> } = {},
): CapacityPlan[] {
  return (what.inventory ?? inventory).clusters
    .filter((spec) => !cluster || spec.name === cluster)
    .flatMap((spec) => {
      const prefix = `${renderedRoot}/${spec.name}/`;
      const plan = planClusterCapacity(
        spec,
        files.filter((file) => file.path.startsWith(prefix)),
        what.overrides,
      );
      return plan ? [plan] : [];
    });
}

/** The rendered files the planner reads: all of rendered/, or one cluster's. */
export function renderedCapacityFiles(root: string, cluster?: string): SourceFile[] {
  return collectYamlFiles(root, renderedPaths({ root, cluster }));
}

/** One line per finding and a summary, for `gitops check`. */
export function formatCapacitySummary(plans: readonly CapacityPlan[]): string[] {
  const findings = plans.flatMap((plan) => plan.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return [
    ...findings.map(formatCapacityFinding),
    `capacity: ${plans.map((p) => p.cluster).join(', ') || 'no cluster with NodePools'}: ${counted(errors, 'error')}, ${counted(findings.length - errors, 'warning')}`,
  ];
}

export function capacityFailed(plans: readonly CapacityPlan[]): boolean {
  return plans.some((plan) => plan.findings.some((f) => f.severity === 'error'));
}

/**
 * `gitops capacity [--cluster C] [--json] [--svg FILE]`: plans the peak against the rendered
 * NodePools, EC2NodeClasses, DaemonSets and runner settings. Exit 1 on any error finding.
 */
export async function capacityCommand(options: CommandOptions): Promise<number> {
  const files = renderedCapacityFiles(options.root, options.cluster);
  const plans = planRenderedCapacity(files, options.cluster);
  if (plans.length === 0) {
    process.stderr.write(
      `gitops capacity: no NodePools rendered${options.cluster ? ` for cluster ${options.cluster}` : ''}\n`,
    );
    return 1;
  }
  if (options.svg) {
    if (plans.length > 1) {
      process.stderr.write('gitops capacity: --svg draws one cluster; add --cluster\n');
      return 2;
    }
    const target = isAbsolute(options.svg) ? options.svg : join(process.cwd(), options.svg);
    writeFileSync(target, capacitySvg(plans[0]!));
  }
  process.stdout.write(
    options.json
      ? `${JSON.stringify(plans.map(planAsJson), null, 2)}\n`
      : plans.map(formatCapacityReport).join('\n'),
  );
  return capacityFailed(plans) ? 1 : 0;
}

/** The plan without the catalog rows repeated in every fit. */
function planAsJson(plan: CapacityPlan): unknown {
  return {
    ...plan,
    pools: plan.pools.map(({ fits, ...pool }) => ({
      ...pool,
      instanceTypes: fits.map(({ type, ...fit }) => ({ instanceType: type.name, ...fit })),
    })),
  };
}
