import { argocdNamespace } from '@platform/config';
import { defineComponent } from '@platform/core';
import { addRepoCredsExternalSecret } from './repo-creds-external-secret';

/**
 * Argo CD's credentials for the platform repository, from AWS Secrets Manager. Kept out of the
 * `argocd` component on purpose: an ExternalSecret needs External Secrets running, and the
 * `argocd` directory must apply on an empty cluster (the bootstrap).
 */
export default defineComponent({
  description: 'The repo-creds Secret for the platform repository, from an ExternalSecret.',
  clusters: 'management',
  namespace: argocdNamespace,
  // After External Secrets and its ClusterSecretStore on this cluster (waves -5 and -4; a test over
  // rendered/ checks the order). The first sync of a new cluster reads the repository with the
  // credential seeded by the bootstrap (docs/bootstrap/repository-credential.md).
  syncWave: -3,
  externalSecrets: true,
  resources: (chart, context) => {
    addRepoCredsExternalSecret(
      chart,
      context.cluster,
      context.inventory.repository,
      argocdNamespace,
    );
  },
});
