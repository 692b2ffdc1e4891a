import type { ComponentContext } from '@platform/core';
import { defineMonitors, type MonitorDefinition } from '@platform/monitoring';
import { runnerConcurrentSaturated } from './concurrent-saturated';
import { runnerJobQueue } from './job-queue';

/** The monitors of one cluster (exported for tests). */
export const runnerMonitors = ({ cluster }: ComponentContext): MonitorDefinition[] => [
  runnerJobQueue(cluster),
  runnerConcurrentSaturated(cluster),
];

/** The runners' monitors, on the clusters that run jobs. */
export default defineMonitors({
  description: 'DatadogMonitors for the GitLab Runners: job queue, concurrent saturation.',
  clusters: 'workload',
  monitors: runnerMonitors,
});
