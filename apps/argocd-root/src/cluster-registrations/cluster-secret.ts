import { argocdDeployerRoleArn, argocdNamespace, type ClusterSpec } from '@platform/config';
import type { ISecret } from 'kubernetes-models/v1/Secret';

/**
 * ArgoCD's declarative cluster registration. No token or key: ArgoCD assumes the deployer role
 * (granted by an EKS access entry in the workload account) and mints short-lived EKS tokens.
 * The CA bundle is public data from `aws eks describe-cluster`.
 */
export function clusterSecret(cluster: ClusterSpec): ISecret {
  const config = {
    awsAuthConfig: {
      clusterName: cluster.eks.clusterName,
      roleARN: argocdDeployerRoleArn(cluster),
    },
    tlsClientConfig: { insecure: false, caData: cluster.eks.certificateAuthorityData },
  };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `cluster-${cluster.name}`,
      namespace: argocdNamespace,
      labels: { 'argocd.argoproj.io/secret-type': 'cluster' },
    },
    type: 'Opaque',
    stringData: {
      name: cluster.name,
      server: cluster.eks.endpoint,
      config: JSON.stringify(config),
    },
  };
}
