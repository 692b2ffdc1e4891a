import { argocdAccess, argocdNamespace, awsSecretName } from '@platform/config';
import { addExternalSecret, defineComponent } from '@platform/core';
import { ssoClientSecret } from '../argocd/settings/sso';

/**
 * The GitLab OAuth client Argo CD's Dex signs people in with, from AWS Secrets Manager. Out of
 * the `argocd` component for the same reason as repo-credentials: an ExternalSecret needs
 * External Secrets, and the `argocd` directory must apply on an empty cluster.
 */
export default defineComponent({
  description: 'The GitLab OAuth client of Argo CD SSO (Dex), from an ExternalSecret.',
  clusters: 'management',
  namespace: argocdNamespace,
  // With repo-credentials: after External Secrets and its ClusterSecretStore (-5, -4).
  syncWave: -3,
  externalSecrets: true,
  resources: (chart, { cluster }) => {
    const remoteKey = awsSecretName(cluster, argocdAccess.sso.oauthClientPath);
    addExternalSecret(chart, {
      name: ssoClientSecret.name,
      namespace: argocdNamespace,
      secretLabels: { ...ssoClientSecret.labels },
      data: Object.values(ssoClientSecret.keys).map((key) => ({
        secretKey: key,
        remoteKey,
        property: key,
      })),
    });
  },
});
