import { iamRoleArn } from './aws-names';
import { namespaces } from './namespaces';
import type { ClusterSpec } from './inventory-types';

/** Namespace of ArgoCD on the management cluster; Applications and AppProjects live here. */
export const argocdNamespace = namespaces.argocd;

/** ArgoCD's built-in name for the cluster it runs in. */
export const inClusterDestination = 'in-cluster';

/** The name an Application uses in `destination.name` for a cluster. */
export function argocdDestinationName(cluster: ClusterSpec): string {
  return cluster.role === 'management' ? inClusterDestination : cluster.name;
}

/** IAM role in the workload cluster's account that ArgoCD assumes (EKS access entry grants it). */
export function argocdDeployerRoleArn(cluster: ClusterSpec): string {
  return iamRoleArn(cluster, 'argocd-deployer');
}

/**
 * Argo CD's own AWS identity on the management cluster (IRSA): the role its application
 * controller and server ServiceAccounts carry in `eks.amazonaws.com/role-arn`. The infrastructure
 * code creates it, trusting the cluster's OIDC provider for those two ServiceAccounts.
 */
export function argocdIrsaRoleArn(management: ClusterSpec): string {
  return iamRoleArn(management, 'argocd');
}

/**
 * Who may assume a workload cluster's deployer role: Argo CD's IRSA role on the management
 * cluster (the infrastructure code writes this trust policy; converge checks the registration and
 * the ServiceAccounts against it).
 */
export function argocdDeployerTrustedPrincipals(management: ClusterSpec): string[] {
  return [argocdIrsaRoleArn(management)];
}

/** A Secret that pods reference but that no file holds, because a pod creates it at start-up. */
export interface RuntimeSecret {
  namespace: string;
  name: string;
  reason: string;
}

/** Secrets of the Argo CD install that exist only at run time. */
export const argocdRuntimeSecrets: readonly RuntimeSecret[] = [
  {
    namespace: namespaces.argocd,
    name: 'argocd-redis',
    reason:
      'The Redis password: the secret-init container of the HAProxy pods creates it (`argocd admin redis-initial-password`) before Redis or any client starts.',
  },
];
