import { namespaces, type ClusterSpec } from '@platform/config';
import { notifyFor, platformTeam, type MonitorDefinition } from '@platform/monitoring';

/** A node agent DaemonSet (Datadog, Fluent Bit) has had pods not ready for 15 minutes. */
export function agentDaemonSetUnavailable(cluster: ClusterSpec): MonitorDefinition {
  const scope = {
    kube_cluster_name: cluster.eks.clusterName,
    kube_namespace: namespaces.observability,
  };
  return {
    name: 'agent-daemonset-unavailable',
    title: 'Node agent {{kube_daemon_set.name}} not on every node',
    app: 'observability',
    component: 'monitors',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'min',
      window: '15m',
      expression: {
        operator: '-',
        left: {
          metric: 'kubernetes_state.daemonset.desired',
          aggregation: 'max',
          scope,
          by: ['kube_daemon_set'],
        },
        right: {
          metric: 'kubernetes_state.daemonset.ready',
          aggregation: 'max',
          scope,
          by: ['kube_daemon_set'],
        },
      },
      comparator: '>=',
    },
    thresholds: { critical: 1 },
    summary: `DaemonSet {{kube_daemon_set.name}} in ${namespaces.observability} on cluster ${cluster.name} has had {{value}} pods not ready for 15 minutes: those nodes send no metrics or no logs.`,
    notify: notifyFor(3),
  };
}
