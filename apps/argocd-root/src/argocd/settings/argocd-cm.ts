import {
  applicationHealthCheckKey,
  applicationHealthCheckLua,
  type SelfManagedApplication,
} from './application-health-check';
import {
  mergedResourceExclusions,
  platformResourceExclusions,
  resourceExclusionsKey,
} from './resource-exclusions';

/**
 * The argocd-cm keys this platform sets on top of the vendored install (Argo CD 3.5.1,
 * operator-manual/argocd-cm.yaml). Closed: a key Argo CD does not read cannot be added by typo.
 */
export interface ArgocdCmSettings {
  [applicationHealthCheckKey]: string;
  [resourceExclusionsKey]: string;
  /**
   * `annotation` is the 3.x default; pinned because the charts this repo inflates set
   * `app.kubernetes.io/instance` themselves, which label tracking would read as Argo CD ownership.
   */
  'application.resourceTrackingMethod': 'annotation';
  /** No access without logging in (the 3.5 default, stated so a change shows in review). */
  'users.anonymous.enabled': 'false';
  /**
   * The local `admin` stays as break-glass for the recovery runbook (its password is the
   * `argocd-initial-admin-secret` Argo CD generates, never in Git); day-to-day admins come from the
   * SSO group mapped in argocd-rbac-cm.
   */
  'admin.enabled': 'true';
}

/**
 * The settings, given the install's own argocd-cm data (whose exclusions are kept) and the root
 * Application that syncs its own directory.
 */
export function argocdCmSettings(
  upstream: Record<string, string>,
  root: SelfManagedApplication,
): ArgocdCmSettings {
  return {
    [applicationHealthCheckKey]: applicationHealthCheckLua(root),
    [resourceExclusionsKey]: mergedResourceExclusions(
      upstream[resourceExclusionsKey],
      platformResourceExclusions,
    ),
    'application.resourceTrackingMethod': 'annotation',
    'users.anonymous.enabled': 'false',
    'admin.enabled': 'true',
  };
}
