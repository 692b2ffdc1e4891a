import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converge } from './converge';
import type { ConvergeInput } from '../input/converge-input';
import { repositoryRoot, treeInput, withFile } from '../testing/fixture-tree';

// The acceptance cases of issue #20: rendered/ changed by hand in ways no per-object check sees,
// each of which must make the replay fail naming the cause.
const committed = treeInput(repositoryRoot, join(repositoryRoot, 'README.md'));
const content = (path: string) => committed.files.find((f) => f.path === path)!.content;
const edited = (path: string, from: string | RegExp, to: string): ConvergeInput => {
  const before = content(path);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${path}: ${String(from)} not found`);
  return withFile(committed, path, after);
};
/** The first block (the replay stops at the next one: the first is what these cases are about). */
const firstBlock = (input: ConvergeInput) => {
  const result = converge({ ...input, maxBlocks: 1 });
  expect(result.clusters.some((c) => !c.converged)).toBe(true);
  return result.blocks[0]!;
};

const app = (name: string) =>
  `rendered/mgmt/argocd-root/app-of-apps/application-argocd-${name}.yaml`;

describe('converge fails, naming the cause, when rendered/ is changed by hand', () => {
  it('an AppProject moved to a later wave than its Applications', () => {
    const path = 'rendered/mgmt/argocd-root/app-of-apps/appproject-argocd-karpenter.yaml';
    const block = firstBlock(edited(path, /sync-wave: "-?\d+"/, 'sync-wave: "20"'));
    expect(block).toMatchObject({
      application: 'argocd-root',
      rule: 'app-project-missing',
      resource: 'Application/argocd/ci-karpenter-controller',
    });
    expect(block.reason).toContain(`${path} in sync wave 20`);
  });

  it('a CRD file removed while its custom resources stay', () => {
    const path =
      'rendered/ci/karpenter/controller/customresourcedefinition-nodepools.karpenter.sh.yaml';
    const block = firstBlock(withFile(committed, path, undefined));
    expect(block).toMatchObject({ application: 'ci-karpenter-node-pools', rule: 'crd-missing' });
    expect(block.resource).toMatch(/^NodePool\//);
    expect(block.reason).toContain('no matches for kind "NodePool" in version "karpenter.sh/v1"');
  });

  it('a Namespace moved to a later wave than its workloads', () => {
    const block = firstBlock(
      edited(app('ci-observability-namespaces'), /sync-wave: "-?\d+"/, 'sync-wave: "20"'),
    );
    expect(block).toMatchObject({ rule: 'namespace-missing' });
    expect(block.application).toMatch(/^ci-observability-/);
    expect(block.reason).toContain('namespaces "observability" not found');
  });

  it("the IRSA annotation removed from the application controller's ServiceAccount", () => {
    const path =
      'rendered/mgmt/argocd-root/argocd/serviceaccount-argocd-argocd-application-controller.yaml';
    const block = firstBlock(edited(path, /\n\s*eks\.amazonaws\.com\/role-arn: \S+/, ''));
    expect(block).toMatchObject({ application: 'argocd-root', rule: 'cluster-credentials' });
    expect(block.reason).toContain(
      'ServiceAccount argocd/argocd-application-controller of the application controller has no eks.amazonaws.com/role-arn annotation',
    );
  });

  it("a health check that waits on the app's own running operation", () => {
    const path = 'rendered/mgmt/argocd-root/argocd/configmap-argocd-argocd-cm.yaml';
    const before = readFileSync(
      join(repositoryRoot, 'libs/converge/fixtures/before-fixes', path),
      'utf8',
    );
    const block = firstBlock(withFile(committed, path, before));
    expect(block).toMatchObject({
      application: 'argocd-root',
      resource: 'Application/argocd/argocd-root',
      rule: 'health-self-wait',
    });
    expect(block.reason).toContain('sync operation running');
  });

  it('a namespace dropped from the ClusterSecretStore conditions while ExternalSecrets there stay', () => {
    const path =
      'rendered/ci/external-secrets/secret-store/clustersecretstore-aws-secrets-manager.yaml';
    const block = firstBlock(edited(path, /\n\s*- observability/, ''));
    expect(block.rule).toBe('external-secret-not-ready');
    expect(block.resource).toMatch(/^ExternalSecret\/observability\//);
    expect(block.reason).toContain('does not serve namespace observability');
  });
});
