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

/** A CI NodePool; `limits` come from the capacity plan (see peak-limits.ts). */
export function nodePoolManifest(
  shape: NodePoolShape,
  limits?: { cpu: string; memory: string },
): INodePool {
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
          expireAfter: ciDisruption.expireAfter,
          terminationGracePeriod: ciDisruption.terminationGracePeriod,
        },
      },
      disruption: nodePoolDisruption({
        // Busy CI nodes are never consolidated: a node goes when its last job has.
        consolidationPolicy: 'WhenEmpty',
        consolidateAfter: ciDisruption.consolidateAfter,
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
