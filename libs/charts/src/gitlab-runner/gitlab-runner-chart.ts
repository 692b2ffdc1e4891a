import { chartPin } from '../pin/chart-pin';
import type { GitlabRunnerValues } from './gitlab-runner-values';

/** The official GitLab Runner chart; its values are typed by `GitlabRunnerValues`. */
export const gitlabRunnerChart = chartPin<GitlabRunnerValues>({
  chart: 'gitlab-runner',
  // renovate: datasource=helm depName=gitlab-runner registryUrl=https://charts.gitlab.io
  version: '0.86.0',
  repository: 'https://charts.gitlab.io',
});
