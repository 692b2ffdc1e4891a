import { defineMonitors } from '@platform/monitoring';
import { runnerConcurrentSaturated } from './concurrent-saturated';
import { runnerJobQueue } from './job-queue';

/** The runners' monitors, on the clusters that run jobs. */
export default defineMonitors({
  description: 'DatadogMonitors for the GitLab Runners: job queue, concurrent saturation.',
  clusters: 'workload',
  monitors: ({ cluster }) => [runnerJobQueue(cluster), runnerConcurrentSaturated(cluster)],
});
