import { clusters, externalSecretsRoleArn, namespaces, nodePoolLabel } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { committedObjects } from '@platform/rendered-tree';

for (const cluster of clusters) {
  const objects = committedObjects(`rendered/${cluster.name}/external-secrets/operator`);
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);

  describe(`External Secrets Operator on ${cluster.name}`, () => {
    it('renders no Secret with data: the webhook certificate Secret is filled at run time', () => {
      const secrets = byKind('Secret');
      expect(secrets.map((s) => s.metadata.name)).toEqual(['external-secrets-webhook']);
      for (const secret of secrets) {
        expect(secret.data).toBeUndefined();
        expect(secret.stringData).toBeUndefined();
      }
      expect(objects.filter((o) => o.apiVersion.startsWith('cert-manager.io'))).toEqual([]);
    });

    it('gives the controller this cluster’s IRSA role', () => {
      const controller = objects.find(
        (o) => o.kind === 'ServiceAccount' && o.metadata.name === 'external-secrets',
      )!;
      expect(controller.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(
        externalSecretsRoleArn(cluster),
      );
    });

    it('runs two replicas of each deployment off Karpenter nodes, each with a PDB', () => {
      const deployments = byKind('Deployment');
      expect(deployments).toHaveLength(3);
      for (const deployment of deployments) {
        const spec = deployment.spec as {
          replicas: number;
          template: { spec: { affinity: unknown } };
        };
        expect(spec.replicas).toBe(2);
        expect(JSON.stringify(spec.template.spec.affinity)).toContain(
          `{"key":"${nodePoolLabel}","operator":"DoesNotExist"}`,
        );
      }
      expect(byKind('PodDisruptionBudget')).toHaveLength(3);
    });

    it('lives in its own restricted namespace', () => {
      const namespace = byKind('Namespace')[0]!;
      expect(namespace.metadata.name).toBe(namespaces.externalSecrets);
      expect(namespace.metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
      const namespaced = objects.filter((o) => o.metadata.namespace !== undefined);
      expect(new Set(namespaced.map((o) => o.metadata.namespace))).toEqual(
        new Set([namespaces.externalSecrets]),
      );
    });

    it('carries every exemption with its reason on the object it waives', () => {
      const exempted = objects.filter((o) =>
        Object.keys(o.metadata.annotations ?? {}).some((k) =>
          k.startsWith('policy.platform/exempt.'),
        ),
      );
      expect(exempted.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
        'ClusterRole/external-secrets-cert-controller',
        'ClusterRole/external-secrets-controller',
        'ServiceAccount/external-secrets',
        'ServiceAccount/external-secrets-cert-controller',
        'ServiceAccount/external-secrets-webhook',
      ]);
    });
  });
}
