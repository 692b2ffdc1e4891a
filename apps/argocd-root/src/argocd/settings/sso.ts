import { argocdAccess } from '@platform/config';
import { stringify } from 'yaml';

/**
 * The Secret holding the GitLab OAuth client (from AWS Secrets Manager, by the `sso`
 * component). Argo CD resolves `$<secret>:<key>` in dex.config from Secrets in its namespace
 * labelled `app.kubernetes.io/part-of: argocd`.
 */
export const ssoClientSecret = {
  name: 'argocd-sso-gitlab',
  labels: { 'app.kubernetes.io/part-of': 'argocd' },
  keys: { clientID: 'clientID', clientSecret: 'clientSecret' },
} as const;

const secretRef = (key: string) => `$${ssoClientSecret.name}:${key}`;

/**
 * `dex.config`: Dex's GitLab connector (Argo CD 3.5.1 bundles Dex), which puts the user's GitLab
 * groups (full paths) in the `groups` claim that argocd-rbac-cm maps, and refuses anyone outside
 * the allowed groups. Dex derives its redirect URI from argocd-cm `url`.
 */
export function dexConfig(): string {
  const { sso } = argocdAccess;
  return stringify({
    connectors: [
      {
        type: 'gitlab',
        id: 'gitlab',
        name: 'GitLab',
        config: {
          baseURL: sso.gitlabUrl,
          clientID: secretRef(ssoClientSecret.keys.clientID),
          clientSecret: secretRef(ssoClientSecret.keys.clientSecret),
          groups: [...sso.allowedGroups],
        },
      },
    ],
  });
}
