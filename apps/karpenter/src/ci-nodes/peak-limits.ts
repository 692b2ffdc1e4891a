import {
  busiestPeak,
  eksAddOnDaemonSets,
  instanceTypeCatalog,
  planCapacity,
  sharedPlanInput,
  readNodeClass,
  readNodePool,
  selectableTypes,
  type CapacityPlan,
  type JsonObject,
} from '@platform/capacity';
import type { ClusterSpec } from '@platform/config';
import { ciNodeClasses, limitHeadroom, nodePoolShapes, type NodePoolShape } from './ci-node-shapes';
import { nodeClassManifest } from './node-class-manifest';
import { nodePoolManifest, nodePoolRequirements } from './node-pool-manifest';

const source = 'apps/karpenter/src/ci-nodes';

/**
 * The capacity plan of the NodePools as this app defines them, before anything else is
 * rendered: the peak from libs/config, the EKS add-ons as the only DaemonSets. `gitops
 * capacity` later replans with everything rendered (the node agents' DaemonSets included).
 */
export function renderTimePlan(cluster: ClusterSpec): CapacityPlan {
  return planCapacity({
    ...sharedPlanInput(cluster),
    nodePools: nodePoolShapes.map((shape) =>
      readNodePool(source, nodePoolManifest(shape) as unknown as JsonObject),
    ),
    nodeClasses: Object.values(ciNodeClasses).map((shape) =>
      readNodeClass(source, nodeClassManifest(shape, cluster) as unknown as JsonObject),
    ),
    daemonSets: eksAddOnDaemonSets,
    runnerManagers: [],
  });
}

/**
 * `spec.limits` of a pool: the planned peak's vCPU (with the pool's warm headroom, whose
 * CapacityBuffer nodes count against the limits too) times the headroom, rounded up to 16; memory
 * for that many vCPU of the most memory-rich family the pool allows, so whichever allowed types
 * Karpenter picks, the CPU limit binds first.
 */
export function peakLimits(
  shape: NodePoolShape,
  plan: CapacityPlan,
): { cpu: string; memory: string } {
  const pool = plan.pools.find((p) => p.name === shape.pool.name);
  const peak = pool && busiestPeak(pool);
  if (!peak) {
    throw new Error(
      `${source}: NodePool ${shape.pool.name} cannot hold the peak of libs/config ci-jobs (run \`gitops capacity\` for the reason)`,
    );
  }
  const cpu = Math.ceil(((peak.capacity.cpuMillis / 1000) * limitHeadroom) / 16) * 16;
  const types = selectableTypes({ requirements: nodePoolRequirements(shape) }, instanceTypeCatalog);
  const gibPerVcpu = Math.max(...types.map((type) => type.memoryMiB / 1024 / type.vcpu));
  return { cpu: String(cpu), memory: `${cpu * gibPerVcpu}Gi` };
}
