import { ArgocdInstallError, objectKey, type InstallObject } from './install-object';

/**
 * The install ships two Secrets, both empty: `argocd-secret` (the server writes its signing key
 * and the admin password hash into it at start-up) and `argocd-notifications-secret` (read by
 * name by the notifications controller, whose Role cannot create it). They are rendered as upstream
 * ships them, without data: applying an empty Secret never removes keys another field manager
 * wrote, so syncing them cannot wipe what Argo CD stored. The Redis password Secret
 * (`argocd-redis`) is not in the install at all; the HAProxy pods' `secret-init` container
 * creates it. Should an upstream version ever ship a Secret with data, the render stops here
 * instead of committing it.
 */
export function assertSecretsCarryNoData(install: readonly InstallObject[]): void {
  for (const secret of install.filter((object) => object.kind === 'Secret')) {
    for (const field of ['data', 'stringData'] as const) {
      const value = secret[field];
      if (value && typeof value === 'object' && Object.keys(value).length > 0) {
        throw new ArgocdInstallError(
          objectKey(secret),
          `has ${field}; secret values never enter rendered/ (create it with an ExternalSecret instead)`,
        );
      }
    }
  }
}
