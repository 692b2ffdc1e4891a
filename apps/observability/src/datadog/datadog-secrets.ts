import { awsSecretName, type ClusterSpec } from '@platform/config';
import { addExternalSecret, type PlatformChart } from '@platform/core';

/**
 * The Datadog credentials, materialised from AWS Secrets Manager by ExternalSecrets; the chart is
 * told to use these existing Secrets, so it renders none of its own (and no random token).
 */
export const datadogSecrets = {
  /** `api-key` and `app-key`: the keys the agents, cluster agent and operator read. */
  keys: 'datadog-keys',
  /** `token`: the shared secret between node agents and the cluster agent. */
  clusterAgentToken: 'datadog-cluster-agent-token',
} as const;

export function addDatadogExternalSecrets(
  chart: PlatformChart,
  cluster: ClusterSpec,
  namespace: string,
): void {
  const keys = awsSecretName(cluster, 'datadog/keys');
  addExternalSecret(chart, {
    name: datadogSecrets.keys,
    namespace,
    data: [
      { secretKey: 'api-key', remoteKey: keys, property: 'api-key' },
      { secretKey: 'app-key', remoteKey: keys, property: 'app-key' },
    ],
  });
  addExternalSecret(chart, {
    name: datadogSecrets.clusterAgentToken,
    namespace,
    data: [
      {
        secretKey: 'token',
        remoteKey: awsSecretName(cluster, 'datadog/cluster-agent-token'),
        property: 'token',
      },
    ],
  });
}
