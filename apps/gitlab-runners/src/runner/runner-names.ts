import type { RunnerDefinition } from './runner-definition';

/** Names shared by the chart values, the job namespaces and config.toml, defined once. */

/** Helm release, and so the chart's Deployment, ConfigMap and Role: `gitlab-runner-<name>`. */
export function releaseName(runner: RunnerDefinition): string {
  return `gitlab-runner-${runner.name}`;
}

/** The manager's ServiceAccount (IRSA for the S3 cache), in the managers' namespace. */
export function managerServiceAccountName(runner: RunnerDefinition): string {
  return `gitlab-runner-${runner.name}`;
}

/** The Secret the ExternalSecret fills and the chart's `runners.secret` names. */
export function tokenSecretName(runner: RunnerDefinition): string {
  return `gitlab-runner-${runner.name}-token`;
}

/** Path of the runner's token in the cluster's AWS Secrets Manager (see awsSecretName). */
export function tokenSecretPath(runner: RunnerDefinition): string {
  return `gitlab-runners/${runner.name}/runner-token`;
}

/** The job pods' ServiceAccount in each job namespace: no token, no IAM role. */
export const jobServiceAccountName = 'ci-job';

/** Managers outrank job pods; job pods never preempt one another. */
export const managerPriorityClassName = 'gitlab-runner-manager';
export const jobPodPriorityClassName = 'ci-job';
