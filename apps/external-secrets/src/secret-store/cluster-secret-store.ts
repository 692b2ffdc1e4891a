import { clusterSecretStoreName, namespaces, type ClusterSpec } from '@platform/config';
import type { ComponentSpec, Manifest } from '@platform/core';
import { controllerServiceAccountName } from '../operator/operator-values';

/**
 * The one ClusterSecretStore (external-secrets.io/v1): AWS Secrets Manager of the cluster's own
 * account and region, authenticated as the controller's ServiceAccount, whose IRSA role
 * (`externalSecretsRoleArn`) may read only this cluster's secrets (`<eks-cluster>/…`).
 */
export function clusterSecretStore(
  cluster: ClusterSpec,
  catalog: readonly ComponentSpec[],
): Manifest & Record<string, unknown> {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: clusterSecretStoreName },
    spec: {
      // Only the namespaces of components that declare `externalSecrets` on this cluster: an
      // ExternalSecret anywhere else is refused, so nobody copies a runner token or a Datadog
      // key into a namespace of their own.
      conditions: [{ namespaces: secretReadingNamespaces(cluster, catalog) }],
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

/** The namespaces of the components on a cluster that read secrets through ExternalSecrets. */
export function secretReadingNamespaces(
  cluster: ClusterSpec,
  catalog: readonly ComponentSpec[],
): string[] {
  const namespaces = catalog
    .filter((component) => component.externalSecrets && component.clusters.includes(cluster.name))
    .map((component) => component.namespace);
  return [...new Set(namespaces)].sort();
}
