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
