import { namespaces, type ClusterSpec } from '@platform/config';
import {
  datadogMetric,
  gitlabRunnerMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/**
 * Jobs queue behind the runner: it keeps hitting its `request_concurrency` (each rejected request
 * is a poll GitLab answered with a job the runner could not take yet).
 */
export function runnerJobQueue(cluster: ClusterSpec): MonitorDefinition {
  return {
    name: 'runner-job-queue',
    title: 'Jobs queueing behind runner {{kube_deployment.name}}',
    app: 'gitlab-runners',
    component: 'runners',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'sum',
      window: '15m',
      expression: {
        metric: datadogMetric(gitlabRunnerMetrics, 'gitlab_runner_request_concurrency_exceeded'),
        aggregation: 'sum',
        scope: {
          kube_cluster_name: cluster.eks.clusterName,
          kube_namespace: namespaces.runnerManagers,
        },
        by: ['kube_deployment'],
        asCount: true,
      },
      comparator: '>',
    },
    thresholds: { critical: 100, warning: 20 },
    summary: `Runner manager {{kube_deployment.name}} on cluster ${cluster.name} hit its request concurrency {{value}} times in 15 minutes: jobs are waiting to be picked up.`,
    notify: notifyFor(3),
  };
}
