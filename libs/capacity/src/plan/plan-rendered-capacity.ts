import { inventory as shippedInventory, renderedRoot, type Inventory } from '@platform/config';
import { counted } from '@platform/manifests';
import type { RenderedFile } from '../manifests/rendered-inputs';
import { formatCapacityFinding } from './capacity-finding';
import type { CapacityPlan, CapacityPlanInput } from './plan-capacity';
import { planClusterCapacity } from './plan-cluster-capacity';

/**
 * The capacity plan of every cluster with NodePools in `files` (the rendered/ tree), or of
 * `cluster` alone. Files are grouped by their `rendered/<cluster>/` prefix. `what` swaps the
 * inventory or an input (tests, what-ifs).
 */
export function planRenderedCapacity(
  files: readonly RenderedFile[],
  cluster?: string,
  what: { inventory?: Inventory; overrides?: Partial<CapacityPlanInput> } = {},
): CapacityPlan[] {
  return (what.inventory ?? shippedInventory).clusters
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

/** One line per finding and a summary, for `gitops check`. */
export function formatCapacitySummary(plans: readonly CapacityPlan[]): string[] {
  const findings = plans.flatMap((plan) => plan.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return [
    ...findings.map(formatCapacityFinding),
    `capacity: ${plans.map((p) => p.cluster).join(', ') || 'no cluster with NodePools'}: ${counted(errors, 'error')}, ${counted(findings.length - errors, 'warning')}`,
  ];
}

/** Whether any plan has an error finding (a warning does not fail). */
export function capacityFailed(plans: readonly CapacityPlan[]): boolean {
  return plans.some((plan) => plan.findings.some((f) => f.severity === 'error'));
}
