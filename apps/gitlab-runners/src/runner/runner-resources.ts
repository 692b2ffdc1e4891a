import type { ClusterSpec } from '@platform/config';
import type { PlatformChart } from '@platform/core';
import { addJobNamespaceResources } from './job-namespace-resources';
import { addManagerResources } from './manager-resources';
import type { RunnerDefinition } from './runner-definition';

/** Every cdk8s object of a runner component (the chart renders the rest). */
export function addRunnerResources(
  chart: PlatformChart,
  runner: RunnerDefinition,
  cluster: ClusterSpec,
): void {
  addManagerResources(chart, runner, cluster);
  addJobNamespaceResources(chart, runner, cluster);
}
