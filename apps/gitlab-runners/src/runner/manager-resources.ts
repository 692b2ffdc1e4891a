import { awsSecretName, gitlabRunnerRoleArn, type ClusterSpec } from '@platform/config';
import { addExternalSecret, type PlatformChart } from '@platform/core';
import { JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { RunnerDefinition } from './runner-definition';
import {
  managerServiceAccountName,
  releaseName,
  tokenSecretName,
  tokenSecretPath,
} from './runner-names';

/**
 * What the chart does not render for a manager: its ServiceAccount (IRSA role for the S3 cache,
 * no token unless the pod asks), its PodDisruptionBudget, and the ExternalSecret holding its
 * `glrt-` token.
 */
export function addManagerResources(
  chart: PlatformChart,
  runner: RunnerDefinition,
  cluster: ClusterSpec,
): void {
  const namespace = chart.componentNamespace;
  new kplus.ServiceAccount(chart, `manager-service-account-${runner.name}`, {
    metadata: {
      name: managerServiceAccountName(runner),
      namespace,
      annotations: { 'eks.amazonaws.com/role-arn': gitlabRunnerRoleArn(cluster, runner.name) },
    },
    automountToken: false,
  });
  chart.add<IPodDisruptionBudget>({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: releaseName(runner), namespace },
    spec: { maxUnavailable: 1, selector: { matchLabels: { app: releaseName(runner) } } },
  });
  addTokenExternalSecret(chart, runner, cluster);
}

/**
 * The chart mounts two keys of `runners.secret`: `runner-token` (the `glrt-` token, from AWS
 * Secrets Manager) and `runner-registration-token`, which must exist for the volume to mount and
 * stays empty (registration tokens are not used). The template adds the empty key; `Merge` keeps
 * the fetched token beside it.
 */
function addTokenExternalSecret(
  chart: PlatformChart,
  runner: RunnerDefinition,
  cluster: ClusterSpec,
) {
  const externalSecret = addExternalSecret(chart, {
    name: tokenSecretName(runner),
    namespace: chart.componentNamespace,
    data: [
      { secretKey: 'runner-token', remoteKey: awsSecretName(cluster, tokenSecretPath(runner)) },
    ],
  });
  externalSecret.addJsonPatch(
    JsonPatch.add('/spec/target/template', {
      mergePolicy: 'Merge',
      data: { 'runner-registration-token': '' },
    }),
  );
}
