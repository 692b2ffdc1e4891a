import type { ClusterSpec } from '@platform/config';
import {
  argocdMetrics,
  datadogMetric,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
  type MonitorPriority,
} from '@platform/monitoring';

interface ApplicationCondition {
  name: string;
  title: string;
  /** The argocd_app_info label and value (Datadog lower-cases tag values). */
  tag: { key: 'health_status' | 'sync_status'; value: string };
  window: string;
  priority: MonitorPriority;
  summary: string;
}

/** An Argo CD Application in one state for a whole window, one alert per Application. */
function applicationCondition(
  cluster: ClusterSpec,
  condition: ApplicationCondition,
): MonitorDefinition {
  return {
    name: condition.name,
    title: condition.title,
    app: 'argocd-root',
    component: 'app-of-apps',
    team: platformTeam.name,
    priority: condition.priority,
    query: {
      reducer: 'min',
      window: condition.window,
      expression: {
        metric: datadogMetric(argocdMetrics, 'argocd_app_info'),
        aggregation: 'max',
        scope: {
          kube_cluster_name: cluster.eks.clusterName,
          [condition.tag.key]: condition.tag.value,
        },
        by: ['name'],
      },
      comparator: '>=',
    },
    thresholds: { critical: 1 },
    summary: condition.summary,
    notify: notifyFor(condition.priority),
  };
}

export function applicationDegraded(cluster: ClusterSpec): MonitorDefinition {
  return applicationCondition(cluster, {
    name: 'argocd-application-degraded',
    title: 'Argo CD Application {{name.name}} degraded for 15 minutes',
    tag: { key: 'health_status', value: 'degraded' },
    window: '15m',
    priority: 2,
    summary: `Argo CD on ${cluster.name} reports Application {{name.name}} Degraded for 15 minutes: a component it deploys is failing.`,
  });
}

export function applicationOutOfSync(cluster: ClusterSpec): MonitorDefinition {
  return applicationCondition(cluster, {
    name: 'argocd-application-out-of-sync',
    title: 'Argo CD Application {{name.name}} out of sync for 30 minutes',
    tag: { key: 'sync_status', value: 'outofsync' },
    window: '30m',
    priority: 3,
    summary: `Argo CD on ${cluster.name} reports Application {{name.name}} OutOfSync for 30 minutes: what runs is not what rendered/ says, and self-heal has not fixed it.`,
  });
}
