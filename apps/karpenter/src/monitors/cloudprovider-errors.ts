import type { ClusterSpec } from '@platform/config';
import {
  datadogMetric,
  karpenterMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/**
 * Karpenter's calls to EC2 keep failing (insufficient capacity, subnet out of addresses, IAM,
 * throttling): nodes are not launched and CI jobs wait.
 */
export function karpenterCloudProviderErrors(cluster: ClusterSpec): MonitorDefinition {
  return {
    name: 'karpenter-cloudprovider-errors',
    title: 'Karpenter cannot launch nodes: {{error.name}}',
    app: 'karpenter',
    component: 'controller',
    team: platformTeam.name,
    priority: 2,
    query: {
      reducer: 'sum',
      window: '15m',
      expression: {
        metric: datadogMetric(karpenterMetrics, 'karpenter_cloudprovider_errors'),
        aggregation: 'sum',
        scope: { kube_cluster_name: cluster.eks.clusterName },
        by: ['error'],
        asCount: true,
      },
      comparator: '>',
    },
    thresholds: { critical: 20, warning: 5 },
    summary: `Karpenter on cluster ${cluster.name} got {{value}} errors of kind {{error.name}} from the EC2 API in 15 minutes: node launches are failing and CI jobs wait in Pending.`,
    notify: notifyFor(2),
  };
}
