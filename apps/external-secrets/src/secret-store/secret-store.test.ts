import { clusters, clusterSecretStoreName, namespaces } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { committedObjects } from '@platform/rendered-tree';

for (const cluster of clusters) {
  describe(`the ClusterSecretStore on ${cluster.name}`, () => {
    const [store, ...others] = committedObjects(
      `rendered/${cluster.name}/external-secrets/secret-store`,
    );

    it('is the one store every ExternalSecret names, on AWS Secrets Manager of the cluster’s region', () => {
      expect(others).toEqual([]);
      expect(store!.metadata.name).toBe(clusterSecretStoreName);
      expect((store!.spec as { provider: { aws: unknown } }).provider.aws).toMatchObject({
        service: 'SecretsManager',
        region: cluster.aws.region,
      });
    });

    it('authenticates as the operator’s controller ServiceAccount, which carries the IRSA role', () => {
      const aws = (store!.spec as { provider: { aws: { auth: unknown } } }).provider.aws;
      expect(aws.auth).toEqual({
        jwt: {
          serviceAccountRef: { name: 'external-secrets', namespace: namespaces.externalSecrets },
        },
      });
      const controller = committedObjects(
        `rendered/${cluster.name}/external-secrets/operator`,
      ).find((o) => o.kind === 'ServiceAccount' && o.metadata.name === 'external-secrets');
      expect(controller?.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBeDefined();
    });
  });
}
