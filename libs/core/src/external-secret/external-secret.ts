import { clusterSecretStoreName } from '@platform/config';
import type { ApiObject } from 'cdk8s';
import type { PlatformChart } from '../chart/platform-chart';

/** One key of the Kubernetes Secret, read from a property of an AWS Secrets Manager secret. */
export interface ExternalSecretKey {
  /** Key in the resulting Kubernetes Secret. */
  secretKey: string;
  /** Secret name in AWS Secrets Manager (see `awsSecretName`). */
  remoteKey: string;
  /** JSON property of that secret; omit when the secret is a plain string. */
  property?: string;
}

export interface ExternalSecretProps {
  /** Name of the ExternalSecret and of the Kubernetes Secret it creates. */
  name: string;
  namespace: string;
  data: ExternalSecretKey[];
  /** Labels for the created Secret (ArgoCD's repo-creds Secret needs one). */
  secretLabels?: Record<string, string>;
  refreshInterval?: string;
}

/**
 * An ExternalSecret (external-secrets.io/v1, External Secrets Operator 2.9.0) that materialises a
 * Secret from AWS Secrets Manager through the platform's ClusterSecretStore. This is the only way
 * a secret reaches a cluster from this repository: no Secret with data is ever rendered.
 */
export function addExternalSecret(chart: PlatformChart, props: ExternalSecretProps): ApiObject {
  return chart.add({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: props.name, namespace: props.namespace },
    spec: {
      refreshInterval: props.refreshInterval ?? '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: clusterSecretStoreName },
      target: {
        name: props.name,
        creationPolicy: 'Owner',
        ...(props.secretLabels ? { template: { metadata: { labels: props.secretLabels } } } : {}),
      },
      data: props.data.map((key) => ({
        secretKey: key.secretKey,
        remoteRef: {
          key: key.remoteKey,
          ...(key.property ? { property: key.property } : {}),
        },
      })),
    },
  });
}
