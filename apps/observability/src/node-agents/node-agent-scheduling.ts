import { allCiNodePools, type CiNodePool, type ClusterSpec } from '@platform/config';
import { nodeAgentTolerations } from '@platform/monitoring';
import type { IToleration } from 'kubernetes-models/v1/Toleration';

/**
 * Where the node agents (Datadog agent, Fluent Bit) must run: every node. On workload clusters
 * that includes the CI node pools, whose taints keep everything else off; the tolerations come
 * from the same node-pool data Karpenter renders its NodePools from.
 */
export function nodeAgentTolerationsFor(
  cluster: ClusterSpec,
  pools: readonly CiNodePool[] = allCiNodePools,
): IToleration[] {
  return cluster.role === 'workload' ? nodeAgentTolerations(pools) : [];
}

/**
 * Node agents preempt ordinary pods on a full node: a node without its agents is invisible, and
 * Karpenter already counts DaemonSet requests when it sizes a node.
 */
export const nodeAgentPriorityClass = 'system-node-critical';
