import { argocdAccess } from '@platform/config';
import {
  applicationHealthCheckKey,
  applicationHealthCheckLua,
  type SelfManagedApplication,
} from './application-health-check';
import { dexConfig } from './sso';
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
   * No local `admin`: a password nobody rotates, shared by whoever reads one Secret, is cluster-admin
   * on every cluster Argo CD deploys to. Everyone signs in through SSO; break-glass is kubectl on
   * the management cluster (docs/bootstrap/recovery.md).
   */
  'admin.enabled': 'false';
  /** The URL people open (libs/config `argocdAccess`); Dex builds its redirect from it. */
  url: string;
  /** SSO through GitLab (settings/sso.ts). */
  'dex.config': string;
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
    'admin.enabled': 'false',
    url: argocdAccess.url,
    'dex.config': dexConfig(),
  };
}
