import { argocdAccess } from '@platform/config';
/**
 * Who may do what in Argo CD (argocd-rbac-cm, Argo CD 3.5.1 RBAC). Everyone who logs in may read,
 * nobody may change anything through the UI or CLI except the platform's administrators: every
 * change goes through Git, and selfHeal would revert a hand edit anyway.
 */
export interface ArgocdRbacSettings {
  /** Role of any authenticated user no policy line matches. */
  'policy.default': 'role:readonly';
  /** Casbin lines: `g, <group>, role:admin`. */
  'policy.csv': string;
  /** The OIDC claim holding the groups that `g` lines name. */
  scopes: '[groups]';
}

/** SSO group (GitLab group path, as Dex's `groups` claim carries it) whose members are admins. */
export const argocdAdminGroup = argocdAccess.sso.adminGroup;

export function argocdRbacSettings(): ArgocdRbacSettings {
  return {
    'policy.default': 'role:readonly',
    'policy.csv': `g, ${argocdAdminGroup}, role:admin\n`,
    scopes: '[groups]',
  };
}
