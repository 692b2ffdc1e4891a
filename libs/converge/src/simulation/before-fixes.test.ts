import { inventory } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { converge } from './converge';
import { treeBeforeFixes } from '../testing/fixture-tree';

// rendered/ as it was before the bootstrap fixes of issue #20 (a copy in
// libs/converge/fixtures/before-fixes): the replay must find each of the four defects, with the
// file and the reason, and neither cluster converges.
describe('converge on the tree before the bootstrap fixes', () => {
  const result = converge(treeBeforeFixes());
  const byRule = (rule: string) => result.blocks.filter((b) => b.rule === rule);

  it('converges no cluster of the inventory', () => {
    expect(result.clusters.map((c) => c.name)).toEqual(inventory.clusters.map((c) => c.name));
    for (const cluster of result.clusters) expect(cluster.converged, cluster.name).toBe(false);
  });

  it('finds the AppProjects arriving after the Applications that use them (defect 2)', () => {
    const [block] = byRule('app-project-missing');
    expect(block).toMatchObject({
      application: 'argocd-root',
      wave: '-30',
      resource: 'Application/argocd/mgmt-argocd-root-argocd',
      file: 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-mgmt-argocd-root-argocd.yaml',
    });
    expect(block!.reason).toContain('project argocd-root which does not exist');
    expect(block!.reason).toContain('appproject-argocd-argocd-root.yaml in sync wave 0');
    expect(result.clusters.find((c) => c.name === 'mgmt')!.stuck).toEqual(block);
  });

  it("finds that Argo CD has no AWS identity for the ci cluster's registration (defect 4)", () => {
    const [block] = byRule('cluster-credentials');
    expect(block!.resource).toMatch(/^Application\/argocd\/ci-/);
    expect(block!.reason).toContain('ServiceAccount argocd/argocd-application-controller');
    expect(block!.reason).toContain('eks.amazonaws.com/role-arn');
    expect(block!.reason).toContain('arn:aws:iam::123456789012:role/platform-ci-argocd-deployer');
  });

  it('finds the ClusterSecretStore without its CRD on both clusters (defect 3)', () => {
    const blocks = byRule('crd-missing');
    expect(blocks.map((b) => [b.application, b.resource, b.file])).toEqual([
      [
        'ci-external-secrets-secret-store',
        'ClusterSecretStore/aws-secrets-manager',
        'rendered/ci/external-secrets/secret-store/clustersecretstore-aws-secrets-manager.yaml',
      ],
      [
        'mgmt-external-secrets-secret-store',
        'ClusterSecretStore/aws-secrets-manager',
        'rendered/mgmt/external-secrets/secret-store/clustersecretstore-aws-secrets-manager.yaml',
      ],
    ]);
    for (const block of blocks) {
      expect(block.reason).toContain(
        'no matches for kind "ClusterSecretStore" in version "external-secrets.io/v1"',
      );
      expect(block.reason).toContain(
        'holds the CustomResourceDefinition of external-secrets.io/ClusterSecretStore',
      );
      expect(block.component).toBe('apps/external-secrets/src/secret-store/component.ts');
    }
  });

  it('finds the root waiting on its own running operation (defect 1)', () => {
    const [block] = byRule('health-self-wait');
    expect(block).toMatchObject({
      application: 'argocd-root',
      wave: '0',
      resource: 'Application/argocd/argocd-root',
      file: 'rendered/mgmt/argocd-root/app-of-apps/application-argocd-argocd-root.yaml',
    });
    expect(block!.reason).toContain('returns Progressing ("sync operation running")');
    expect(block!.reason).toContain('configmap-argocd-argocd-cm.yaml');
  });

  it('lists the blocks after the first as warnings of the clusters they hold back', () => {
    const ci = result.clusters.find((c) => c.name === 'ci')!;
    expect(ci.warnings.map((w) => w.rule)).toEqual(
      expect.arrayContaining(['cluster-credentials', 'crd-missing']),
    );
  });
});
