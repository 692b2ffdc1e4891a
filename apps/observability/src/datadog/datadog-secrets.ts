import { awsSecretName, type ClusterSpec } from '@platform/config';
import { addExternalSecret, type PlatformChart } from '@platform/core';

/**
 * The Datadog credentials, materialised from AWS Secrets Manager by ExternalSecrets; the chart is
 * told to use these existing Secrets, so it renders none of its own (and no random token).
 */
export const datadogSecrets = {
  /** `api-key`: what the node agents and Fluent Bit send with; it can only submit data. */
  apiKey: 'datadog-api-key',
  /** `app-key`: read and manage the organisation (monitors); only the cluster agent and operator. */
  appKey: 'datadog-app-key',
  /** `token`: the shared secret between node agents and the cluster agent. */
  clusterAgentToken: 'datadog-cluster-agent-token',
} as const;

export function addDatadogExternalSecrets(
  chart: PlatformChart,
  cluster: ClusterSpec,
  namespace: string,
): void {
  const keys = awsSecretName(cluster, 'datadog/keys');
  // One remote secret, two Secrets: a node fetches only the Secrets its pods reference, and the
  // node agents reference only the API key's.
  addExternalSecret(chart, {
    name: datadogSecrets.apiKey,
    namespace,
    data: [{ secretKey: 'api-key', remoteKey: keys, property: 'api-key' }],
  });
  addExternalSecret(chart, {
    name: datadogSecrets.appKey,
    namespace,
    data: [{ secretKey: 'app-key', remoteKey: keys, property: 'app-key' }],
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
