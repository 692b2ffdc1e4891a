import { namespaces, type ClusterSpec } from '@platform/config';
import {
  datadogMetric,
  gitlabRunnerMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/**
 * A runner manager runs as many jobs as its `concurrent` allows for 15 minutes: every further
 * job waits in GitLab's queue, whatever capacity the cluster has.
 */
export function runnerConcurrentSaturated(cluster: ClusterSpec): MonitorDefinition {
  const scope = {
    kube_cluster_name: cluster.eks.clusterName,
    kube_namespace: namespaces.runnerManagers,
  };
  return {
    name: 'runner-concurrent-saturated',
    title: 'Runner {{kube_deployment.name}} at its concurrent limit',
    app: 'gitlab-runners',
    component: 'runners',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'min',
      window: '15m',
      expression: {
        operator: '/',
        left: {
          metric: datadogMetric(gitlabRunnerMetrics, 'gitlab_runner_jobs'),
          aggregation: 'sum',
          scope,
          by: ['kube_deployment'],
        },
        right: {
          metric: datadogMetric(gitlabRunnerMetrics, 'gitlab_runner_concurrent'),
          aggregation: 'max',
          scope,
          by: ['kube_deployment'],
        },
      },
      comparator: '>=',
    },
    thresholds: { critical: 0.95, warning: 0.8 },
    summary: `Runner manager {{kube_deployment.name}} on cluster ${cluster.name} has run at {{value}} of its \`concurrent\` job limit for 15 minutes: new jobs queue in GitLab.`,
    notify: notifyFor(3),
  };
}
