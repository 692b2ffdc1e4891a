import { awsSecretName, type ClusterSpec, type GitRepository } from '@platform/config';
import { addExternalSecret, type PlatformChart } from '@platform/core';
import { JsonPatch } from 'cdk8s';

/** Argo CD reads repository credential templates from Secrets with this label (3.5 declarative setup). */
export const secretTypeLabel = 'argocd.argoproj.io/secret-type';

/** Secrets Manager secret (JSON with `username` and `password`: a GitLab deploy token, read-only). */
export const repoCredsSecretPath = 'argocd/repo-creds';

/**
 * The credential template for the platform repository: a `repo-creds` Secret in Argo CD's
 * namespace, materialised by External Secrets from AWS Secrets Manager. Only the token comes from
 * AWS; the URL prefix it applies to and the type are facts of this repo, merged in by the template
 * (`mergePolicy: Merge` keeps the fetched keys next to the templated ones).
 */
export function addRepoCredsExternalSecret(
  chart: PlatformChart,
  cluster: ClusterSpec,
  repository: GitRepository,
  namespace: string,
): void {
  const remoteKey = awsSecretName(cluster, repoCredsSecretPath);
  const externalSecret = addExternalSecret(chart, {
    name: 'repo-creds-platform',
    namespace,
    secretLabels: { [secretTypeLabel]: 'repo-creds' },
    data: [
      { secretKey: 'username', remoteKey, property: 'username' },
      { secretKey: 'password', remoteKey, property: 'password' },
    ],
  });
  externalSecret.addJsonPatch(
    JsonPatch.add('/spec/target/template/mergePolicy', 'Merge'),
    JsonPatch.add('/spec/target/template/data', { type: 'git', url: repository.url }),
  );
}
