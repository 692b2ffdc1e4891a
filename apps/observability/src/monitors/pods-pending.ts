import type { ClusterSpec } from '@platform/config';
import { notifyFor, platformTeam, type MonitorDefinition } from '@platform/monitoring';

/**
 * Pods stay Pending for 15 minutes in a namespace. A CI burst leaves job pods Pending for the
 * minute or two Karpenter needs to launch nodes; a quarter of an hour means nothing is coming.
 */
export function podsPending(cluster: ClusterSpec): MonitorDefinition {
  return {
    name: 'pods-pending',
    title: 'Pods pending for 15 minutes in {{kube_namespace.name}}',
    app: 'observability',
    component: 'monitors',
    team: platformTeam.name,
    priority: 2,
    query: {
      reducer: 'min',
      window: '15m',
      expression: {
        metric: 'kubernetes_state.pod.status_phase',
        aggregation: 'sum',
        scope: { kube_cluster_name: cluster.eks.clusterName, pod_phase: 'pending' },
        by: ['kube_namespace'],
      },
      comparator: '>=',
    },
    thresholds: { critical: 10, warning: 1 },
    summary: `At least {{value}} pods in namespace {{kube_namespace.name}} of cluster ${cluster.name} have been Pending for 15 minutes: they cannot be scheduled and nodes are not arriving.`,
    notify: notifyFor(2),
  };
}
