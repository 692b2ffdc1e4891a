import type { ClusterSpec } from '@platform/config';
import {
  datadogMetric,
  fluentBitMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/** Fluent Bit's output keeps failing: container logs are delayed and, once retries run out, lost. */
export function fluentBitOutputErrors(cluster: ClusterSpec): MonitorDefinition {
  return {
    name: 'fluent-bit-output-errors',
    title: 'Fluent Bit output {{name.name}} failing',
    app: 'observability',
    component: 'monitors',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'sum',
      window: '15m',
      expression: {
        metric: datadogMetric(fluentBitMetrics, 'fluentbit_output_errors'),
        aggregation: 'sum',
        scope: { kube_cluster_name: cluster.eks.clusterName },
        // `name` is the output plugin instance (for example datadog.0).
        by: ['name'],
        asCount: true,
      },
      comparator: '>',
    },
    thresholds: { critical: 50, warning: 5 },
    summary: `Fluent Bit output {{name.name}} on cluster ${cluster.name} failed {{value}} times in 15 minutes: container logs are delayed and are dropped once retries run out.`,
    noDataMinutes: 30,
    notify: notifyFor(3),
  };
}
