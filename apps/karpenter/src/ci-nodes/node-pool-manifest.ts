import type { INodePool } from '@kubernetes-models/karpenter/karpenter.sh/v1/NodePool';
import type { INodeSelectorRequirementWithMinValues } from '@kubernetes-models/karpenter/karpenter.sh/v1/NodeSelectorRequirementWithMinValues';
import { loadProfile, poolArchitectures, workingHoursSchedules } from '@platform/config';
import { ciDisruption, type NodePoolShape } from './ci-node-shapes';
import { nodePoolDisruption } from './node-pool-disruption';

/** Instance requirements: architecture, capacity type, category, family, generation, size. */
export function nodePoolRequirements(
  shape: NodePoolShape,
): INodeSelectorRequirementWithMinValues[] {
  return [
    { key: 'kubernetes.io/arch', operator: 'In', values: poolArchitectures(shape.pool) },
    { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
    { key: 'karpenter.sh/capacity-type', operator: 'In', values: [...shape.capacityTypes] },
    { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: [...shape.categories] },
    { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: [...shape.families] },
    {
      key: 'karpenter.k8s.aws/instance-generation',
      operator: 'Gt',
      values: [String(shape.generationAbove)],
    },
    { key: 'karpenter.k8s.aws/instance-size', operator: 'In', values: [...shape.sizes] },
  ];
}

/** When a budget covers the working hours: from their start, for their length. */
function workingHoursBudget(): { schedule: string; duration: string } {
  const { start, duration } = workingHoursSchedules(loadProfile);
  return { schedule: start, duration };
}

/**
 * How long a node lives: shared pools keep nodes for the working week and let them go five
 * minutes after their last job; a one-job-per-node pool's node takes jobs only for its window
 * (`expireAfter`, forceful: Karpenter taints and drains it, waiting for the running job under
 * `karpenter.sh/do-not-disrupt` until `terminationGracePeriod`) and goes the moment it is empty.
 */
function nodeLifetime(shape: NodePoolShape): { expireAfter: string; consolidateAfter: string } {
  const isolation = shape.pool.jobIsolation;
  if (isolation.mode === 'one-job-per-node')
    return { expireAfter: isolation.takesJobsFor, consolidateAfter: '0s' };
  return { expireAfter: ciDisruption.expireAfter, consolidateAfter: ciDisruption.consolidateAfter };
}

/** A CI NodePool; `limits` come from the capacity plan (see peak-limits.ts). */
export function nodePoolManifest(
  shape: NodePoolShape,
  limits?: { cpu: string; memory: string },
): INodePool {
  const lifetime = nodeLifetime(shape);
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: shape.pool.name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: shape.nodeClass },
          requirements: nodePoolRequirements(shape),
          taints: shape.pool.taints.map((taint) => ({ ...taint })),
          expireAfter: lifetime.expireAfter,
          terminationGracePeriod: ciDisruption.terminationGracePeriod,
        },
      },
      disruption: nodePoolDisruption({
        // Busy CI nodes are never consolidated: a node goes when its last job has.
        consolidationPolicy: 'WhenEmpty',
        consolidateAfter: lifetime.consolidateAfter,
        budgets: [
          { nodes: '100%', reasons: ['Empty'] },
          // The load profile's working hours: no voluntary replacement of nodes that run jobs.
          { nodes: '0', reasons: ['Drifted'], ...workingHoursBudget() },
          { nodes: ciDisruption.offHoursNodes, reasons: ['Drifted'] },
        ],
      }),
      ...(limits ? { limits } : {}),
    },
  };
}
