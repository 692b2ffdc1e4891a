import type { ClusterSpec } from '@platform/config';
import {
  datadogMetric,
  karpenterMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/** A NodePool has used nearly all the CPU its limits allow: Karpenter stops launching nodes there. */
export function karpenterNodePoolAtLimit(cluster: ClusterSpec): MonitorDefinition {
  const scope = { kube_cluster_name: cluster.eks.clusterName, resource_type: 'cpu' };
  return {
    name: 'karpenter-nodepool-at-limit',
    title: 'NodePool {{nodepool.name}} at its CPU limit',
    app: 'karpenter',
    component: 'node-pools',
    team: platformTeam.name,
    priority: 2,
    query: {
      reducer: 'min',
      window: '10m',
      expression: {
        operator: '/',
        left: {
          metric: datadogMetric(karpenterMetrics, 'karpenter_nodepools_usage'),
          aggregation: 'max',
          scope,
          by: ['nodepool'],
        },
        right: {
          metric: datadogMetric(karpenterMetrics, 'karpenter_nodepools_limit'),
          aggregation: 'max',
          scope,
          by: ['nodepool'],
        },
      },
      comparator: '>=',
    },
    thresholds: { critical: 0.95, warning: 0.85 },
    summary: `NodePool {{nodepool.name}} on cluster ${cluster.name} has provisioned {{value}} of its CPU limit for 10 minutes: at the limit Karpenter launches no more nodes in this pool and its jobs stay Pending.`,
    notify: notifyFor(2),
  };
}
