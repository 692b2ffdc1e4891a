import { gitlabRunnerChart, type GitlabRunnerValues } from '@platform/charts';
import { namespaces, routesMultiArchJobs } from '@platform/config';
import {
  defineComponent,
  fromChart,
  type ComponentDefinition,
  type PolicyExemption,
} from '@platform/core';
import { spansArchitectures, type RunnerDefinition } from './runner-definition';
import { runnerChartValues } from './runner-chart-values';
import { releaseName } from './runner-names';
import { addRunnerResources } from './runner-resources';

/** After the namespaces (0) and External Secrets (its operator and store sync first). */
export const runnerSyncWave = 10;

/**
 * A runner component: the official chart for the manager, plus the manager's ServiceAccount,
 * PodDisruptionBudget and token ExternalSecret, and its job namespace's quota, limits, job
 * ServiceAccount and network policies. Every runner is this, with its own definition. A runner
 * whose jobs may land on either architecture runs only on the workload clusters whose inventory
 * has the multi-platform helper image (`gitlabRunners.multiArchHelperImage`).
 */
export function runnerComponent(
  runner: RunnerDefinition,
  description: string,
  exemptions: readonly PolicyExemption[] = [],
): ComponentDefinition<GitlabRunnerValues> {
  return defineComponent({
    description,
    clusters: spansArchitectures(runner)
      ? { role: 'workload', when: routesMultiArchJobs }
      : 'workload',
    namespace: namespaces.runnerManagers,
    // The chart puts the manager's Role and RoleBinding in the job namespace.
    additionalNamespaces: [runner.jobNamespace],
    syncWave: runnerSyncWave,
    chart: fromChart(gitlabRunnerChart)({
      releaseName: releaseName(runner),
      values: ({ cluster }) => runnerChartValues(runner, cluster),
    }),
    resources: (chart, { cluster }) => addRunnerResources(chart, runner, cluster),
    exemptions,
    // The manager's glrt- token.
    externalSecrets: true,
  });
}
