import { chartPin } from '../pin/chart-pin';
import type { GitlabRunnerValues } from './gitlab-runner-values';

/** The official GitLab Runner chart; its values are typed by `GitlabRunnerValues`. */
export const gitlabRunnerChart = chartPin<GitlabRunnerValues>({
  chart: 'gitlab-runner',
  // renovate: datasource=helm depName=gitlab-runner registryUrl=https://charts.gitlab.io
  version: '0.86.0',
  repository: 'https://charts.gitlab.io',
});

/**
 * The GitLab Runner version the pinned chart deploys: its `appVersion` (chart 0.86.0: 18.9.0),
 * which the chart's default manager image tag and the executor's helper image tags name. A test
 * reads it from the vendored package, so a chart bump that changes it fails until this follows.
 */
export const gitlabRunnerVersion = '18.9.0';
