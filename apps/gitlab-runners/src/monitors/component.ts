import type { ComponentContext } from '@platform/core';
import { defineMonitors, type MonitorDefinition } from '@platform/monitoring';
import { runnerLimitSaturated } from './limit-saturated';
import { runnerJobQueue } from './job-queue';

/** The monitors of one cluster (exported for tests). */
export const runnerMonitors = ({ cluster }: ComponentContext): MonitorDefinition[] => [
  runnerJobQueue(cluster),
  runnerLimitSaturated(cluster),
];

/** The runners' monitors, on the clusters that run jobs. */
export default defineMonitors({
  description:
    'DatadogMonitors for the GitLab Runners: time jobs wait in GitLab’s queue, managers at their job limit.',
  clusters: 'workload',
  monitors: runnerMonitors,
});
