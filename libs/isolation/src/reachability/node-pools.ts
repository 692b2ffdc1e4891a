import type { RenderedObject } from '../rendered/rendered-objects';
import type { NodeShape, NodeTaint } from '../workloads/node-placement';

/** A Karpenter NodePool as the nodes it launches: labels, taints, its EC2NodeClass. */
export interface PoolNodes {
  nodePool: RenderedObject;
  name: string;
  node: NodeShape;
  nodeClass?: RenderedObject;
}

/** The label Karpenter puts on every node it launches, naming its NodePool. */
const nodePoolLabel = 'karpenter.sh/nodepool';

export function poolNodes(objects: readonly RenderedObject[]): PoolNodes[] {
  return objects
    .filter((o) => o.kind === 'NodePool' && o.apiVersion.startsWith('karpenter.sh/'))
    .map((nodePool) => {
      const spec = nodePool.value.spec?.template?.spec ?? {};
      const labels: Record<string, string> = {
        ...((nodePool.value.spec?.template?.metadata?.labels ?? {}) as Record<string, string>),
        [nodePoolLabel]: nodePool.name,
      };
      for (const requirement of (spec.requirements ?? []) as {
        key: string;
        operator: string;
        values?: string[];
      }[])
        if (requirement.operator === 'In' && requirement.values?.length === 1)
          labels[requirement.key] = requirement.values[0]!;
      const classRef = spec.nodeClassRef as { name?: string } | undefined;
      const nodeClass = objects.find((o) => o.kind === 'EC2NodeClass' && o.name === classRef?.name);
      return {
        nodePool,
        name: nodePool.name,
        node: {
          labels,
          knownKeys: new Set(Object.keys(labels)),
          taints: [
            ...((spec.taints ?? []) as NodeTaint[]),
            ...((spec.startupTaints ?? []) as NodeTaint[]),
          ],
        },
        ...(nodeClass ? { nodeClass } : {}),
      };
    });
}
