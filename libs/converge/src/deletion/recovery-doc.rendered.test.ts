import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderedObjects } from '../input/rendered-objects';
import { repositoryRoot, treeInput } from '../testing/fixture-tree';
import { deletionCascades } from './deletion-cascade';

// docs/bootstrap/recovery.md says what deleting each level does; the deletion cascade computed
// from the committed rendered/ must say the same.
const input = treeInput(repositoryRoot, join(repositoryRoot, 'README.md'));
const cascades = deletionCascades(renderedObjects(input.files), input.clusters);
const doc = readFileSync(join(repositoryRoot, 'docs/bootstrap/recovery.md'), 'utf8');
const section = doc.slice(
  doc.indexOf('## What deleting each level does'),
  doc.indexOf('## When the controller still runs'),
);

describe('docs/bootstrap/recovery.md and the deletion cascade agree', () => {
  it('the root has no resources finalizer: deleting it deletes nothing it deployed', () => {
    const root = cascades.find((c) => c.application === 'argocd-root')!;
    expect(root.cascades).toBe(false);
    expect(root.deletes).toEqual([]);
    expect(section).toContain('carries no resources finalizer');
  });

  it('every child cascades, and the document names each one whose Namespace takes other objects with it', () => {
    const children = cascades.filter((c) => c.application !== 'argocd-root');
    for (const child of children) expect(child.cascades, child.application).toBe(true);
    // Named per component, `<cluster>-<app>-<component>`, so a new cluster needs no new line.
    const namespaceHolders = children.filter((c) => c.inDeletedNamespaces.length > 0);
    expect(namespaceHolders.length).toBeGreaterThan(0);
    for (const { application, cluster } of namespaceHolders) {
      expect(application.startsWith(`${cluster}-`), application).toBe(true);
      const component = application.slice(cluster.length + 1);
      expect(section, application).toContain(`\`<cluster>-${component}\``);
    }
  });

  it("Argo CD's own Application keeps exactly its Delete=false objects", () => {
    const argocd = cascades.find((c) => c.application === 'mgmt-argocd-root-argocd')!;
    expect(argocd.keeps.length).toBeGreaterThan(0);
    for (const kept of argocd.keeps)
      expect(kept).toMatch(
        /^(CustomResourceDefinition|Namespace|StatefulSet|ServiceAccount|ClusterRole|ClusterRoleBinding|Role|RoleBinding|Deployment|ConfigMap)\//,
      );
    expect(section).toContain('`Prune=false,Delete=false`');
  });
});
