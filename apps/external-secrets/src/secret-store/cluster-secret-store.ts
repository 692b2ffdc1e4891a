import { clusterSecretStoreName, namespaces, type ClusterSpec } from '@platform/config';
import type { Manifest } from '@platform/core';
import { controllerServiceAccountName } from '../operator/operator-values';

/**
 * The one ClusterSecretStore (external-secrets.io/v1): AWS Secrets Manager of the cluster's own
 * account and region, authenticated as the controller's ServiceAccount, whose IRSA role
 * (`externalSecretsRoleArn`) may read only this cluster's secrets (`<eks-cluster>/…`).
 */
export function clusterSecretStore(cluster: ClusterSpec): Manifest & Record<string, unknown> {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: clusterSecretStoreName },
    spec: {
      provider: {
        aws: {
          service: 'SecretsManager',
          region: cluster.aws.region,
          auth: {
            jwt: {
              serviceAccountRef: {
                name: controllerServiceAccountName,
                namespace: namespaces.externalSecrets,
              },
            },
          },
        },
      },
    },
  };
}
