import { iamRoleArn } from './aws-names';
import { gitlabInstance } from './gitlab';
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
 * How people sign in to Argo CD on the management cluster: through GitLab (the instance the
 * runners serve), by the Dex the install bundles; no local account. The OAuth application is
 * created in GitLab (scopes `openid`, `read_user`; redirect `<url>/api/dex/callback`) and its
 * id and secret stored in AWS Secrets Manager, whence an ExternalSecret copies them.
 */
export const argocdAccess = {
  /** The URL people open (`url` in argocd-cm); SSO redirects back to it. */
  url: 'https://argocd.platform.example.com',
  sso: {
    gitlabUrl: gitlabInstance.url,
    /** Dex lets in only members of these GitLab groups (full paths). */
    allowedGroups: ['platform'],
    /** Members are Argo CD administrators (argocd-rbac-cm); everyone else reads. */
    adminGroup: 'platform/argocd-admins',
    /** AWS Secrets Manager secret (`<eks-cluster>/<path>`): JSON with `clientID` and `clientSecret`. */
    oauthClientPath: 'argocd/sso-gitlab',
  },
} as const;

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
