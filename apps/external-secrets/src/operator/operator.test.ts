import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clusters,
  externalSecretsRoleArn,
  inventory,
  namespaces,
  nodePoolLabel,
} from '@platform/config';
import { committedObjects, repositoryRoot } from '@platform/rendered-tree';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { operatorValues } from './operator-values';
import { chartCrds } from './vendored-crds';

/** The vendored v2.9.0 CRD bundle (test-only read; the component gets it through the render context). */
const bundle = loadAll(
  readFileSync(
    join(repositoryRoot, 'vendor/external-secrets/external-secrets-v2.9.0-bundle.yaml'),
    'utf8',
  ),
).filter(Boolean) as any[];

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
        'CustomResourceDefinition/clustersecretstores.external-secrets.io',
        'CustomResourceDefinition/secretstores.external-secrets.io',
        'ServiceAccount/external-secrets',
        'ServiceAccount/external-secrets-cert-controller',
        'ServiceAccount/external-secrets-webhook',
      ]);
    });
  });
}

describe('the CRDs of the operator', () => {
  const crds = (values: Parameters<typeof chartCrds>[1]) =>
    chartCrds(bundle, values).map((crd) => (crd as any).spec.names.kind);
  it('are the bundle CRDs the published chart renders with the same values', () => {
    const kinds = crds(operatorValues(inventory.clusters[0]!));
    expect(kinds).toEqual(
      expect.arrayContaining(['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'Password']),
    );
    for (const off of [
      'ClusterExternalSecret',
      'PushSecret',
      'ClusterPushSecret',
      'ClusterGenerator',
    ])
      expect(kinds).not.toContain(off);
    expect(crds({ installCRDs: false })).toEqual([]);
    expect(crds({}).length).toBe(bundle.length);
  });

  it('include the ClusterSecretStore CRD on every cluster the stores go to', () => {
    for (const cluster of inventory.clusters) {
      const rendered = committedObjects(`rendered/${cluster.name}/external-secrets/operator`);
      expect(rendered.map((o: any) => `${o.kind}/${o.metadata.name}`)).toContain(
        'CustomResourceDefinition/clustersecretstores.external-secrets.io',
      );
    }
  });
});
