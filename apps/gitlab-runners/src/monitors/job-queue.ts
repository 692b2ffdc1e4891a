import { namespaces, type ClusterSpec } from '@platform/config';
import {
  datadogHistogramMetric,
  gitlabRunnerMetrics,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';
import { runnerTiming } from '../runner/runner-capacity';

/** The histogram of how long each job a manager took had waited in GitLab's pending queue. */
const queueDuration = 'gitlab_runner_job_queue_duration_seconds';

/**
 * Jobs wait in GitLab's queue: the jobs a runner's managers took in the last 15 minutes had
 * waited, on average, far longer than the burst pickup the runners are sized for. The runner
 * reports each job's wait (GitLab's `queued_for`) when it takes the job, so the average is the
 * histogram's sum over its count, both counted over the window.
 */
export function runnerJobQueue(cluster: ClusterSpec): MonitorDefinition {
  const scope = {
    kube_cluster_name: cluster.eks.clusterName,
    kube_namespace: namespaces.runnerManagers,
  };
  const term = (part: 'sum' | 'count') => ({
    metric: datadogHistogramMetric(gitlabRunnerMetrics, queueDuration, part),
    aggregation: 'sum' as const,
    scope,
    by: ['kube_deployment'],
    asCount: true,
  });
  return {
    name: 'runner-job-queue',
    title: 'Jobs waiting in GitLab’s queue for runner {{kube_deployment.name}}',
    app: 'gitlab-runners',
    component: 'runners',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'sum',
      window: '15m',
      expression: { operator: '/', left: term('sum'), right: term('count') },
      comparator: '>',
    },
    // A burst is sized to be picked up within burstPickupSeconds; 4× that on average over 15
    // minutes is a runner falling behind, 20× (5 minutes) is developers waiting.
    thresholds: {
      critical: runnerTiming.burstPickupSeconds * 20,
      warning: runnerTiming.burstPickupSeconds * 4,
    },
    summary: `Jobs taken by runner {{kube_deployment.name}} on cluster ${cluster.name} in the last 15 minutes had waited {{value}} s on average in GitLab's pending queue.`,
    notify: notifyFor(3),
  };
}
