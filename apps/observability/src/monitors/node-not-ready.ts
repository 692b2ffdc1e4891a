import type { ClusterSpec } from '@platform/config';
import { notifyFor, platformTeam, type MonitorDefinition } from '@platform/monitoring';

/** A node reports Ready=false for 10 minutes: its pods are stuck or being evicted. */
export function nodeNotReady(cluster: ClusterSpec): MonitorDefinition {
  return {
    name: 'node-not-ready',
    title: 'Node {{node.name}} not ready for 10 minutes',
    app: 'observability',
    component: 'monitors',
    team: platformTeam.name,
    priority: 2,
    query: {
      // min over the window: Ready=false at every point, not a node that is just booting.
      reducer: 'min',
      window: '10m',
      expression: {
        metric: 'kubernetes_state.node.by_condition',
        aggregation: 'max',
        scope: { kube_cluster_name: cluster.eks.clusterName, condition: 'ready', status: 'false' },
        by: ['node'],
      },
      comparator: '>=',
    },
    thresholds: { critical: 1 },
    summary: `Node {{node.name}} of cluster ${cluster.name} has reported Ready=false for 10 minutes. Pods on it are not running or are being evicted.`,
    notify: notifyFor(2),
  };
}
