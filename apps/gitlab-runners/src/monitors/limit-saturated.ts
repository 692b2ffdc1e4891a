import { namespaces, type ClusterSpec } from '@platform/config';
import {
  datadogMetric,
  gitlabRunnerMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/**
 * A runner's managers together run as many jobs as their `[[runners]] limit`s allow, for 15
 * minutes: every further job waits in GitLab's queue, whatever capacity the cluster has.
 *
 * Each manager pod reports its own `gitlab_runner_limit` and running jobs, so the ratio per
 * Deployment is over the managers that are up: with one of two managers down, the survivor's
 * limit alone is the denominator and a full survivor alerts. (`gitlab_runner_concurrent`, the
 * process-wide ceiling, is the whole runner's peak on every manager: against it a runner
 * with a manager down looks half full while it queues.)
 */
export function runnerLimitSaturated(cluster: ClusterSpec): MonitorDefinition {
  const scope = {
    kube_cluster_name: cluster.eks.clusterName,
    kube_namespace: namespaces.runnerManagers,
  };
  return {
    name: 'runner-limit-saturated',
    title: 'Runner {{kube_deployment.name}} at its managers’ job limit',
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
          metric: datadogMetric(gitlabRunnerMetrics, 'gitlab_runner_limit'),
          aggregation: 'sum',
          scope,
          by: ['kube_deployment'],
        },
      },
      comparator: '>=',
    },
    thresholds: { critical: 0.95, warning: 0.8 },
    summary: `Runner {{kube_deployment.name}} on cluster ${cluster.name} has run at {{value}} of its running managers' \`limit\` for 15 minutes: new jobs queue in GitLab.`,
    notify: notifyFor(3),
  };
}
