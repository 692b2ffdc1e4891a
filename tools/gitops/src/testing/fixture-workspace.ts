import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyWorkspace } from './fixture-catalog';

/**
 * Component files of a small on-disk workspace, for tests that run the CLI as a user would
 * (discovery, loading by path, the shipped inventory's clusters selected by role).
 */
export const fixtureComponentFiles: Record<string, string> = {
  // A miniature app-of-apps: one Application per component and one AppProject, so that the
  // delivery check of \`gitops check\` sees what ArgoCD would.
  'apps/root/src/apps/component.ts': `import { argocdDestinationName, clusterByName } from '@platform/config';
import { defineComponent } from '@platform/core';

const application = (name: string, path: string, destination: string, namespace: string, project: string, wave: number) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: {
    name,
    namespace: 'argocd',
    annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
    finalizers: ['resources-finalizer.argocd.argoproj.io'],
  },
  spec: {
    project,
    syncPolicy: { automated: { prune: true, selfHeal: true } },
    source: { repoURL: 'https://git.example.com/x.git', targetRevision: 'main', path },
    destination: { name: destination, namespace },
  },
});

export default defineComponent({
  description: 'the root',
  clusters: 'management',
  namespace: 'argocd',
  syncWave: 0,
  syncedBy: 'root',
  resources: (chart, { inventory, catalog, cluster }) => {
    chart.add(application('root', \`rendered/\${cluster.name}/root/apps\`, 'in-cluster', 'argocd', 'root', 0));
    chart.add({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'root', namespace: 'argocd' },
      spec: {
        sourceRepos: ['https://git.example.com/x.git'],
        destinations: [{ name: 'in-cluster', namespace: 'argocd' }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [{ group: 'argoproj.io', kind: 'Application' }, { group: 'argoproj.io', kind: 'AppProject' }],
      },
    });
    const children = catalog.filter((c) => c.syncedBy !== 'root');
    const destinations = children.flatMap((c) =>
      c.clusters.map((name) => ({ name: argocdDestinationName(clusterByName(inventory, name)), namespace: c.namespace })),
    );
    chart.add({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'platform', namespace: 'argocd' },
      spec: {
        sourceRepos: ['https://git.example.com/x.git'],
        destinations,
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
        namespaceResourceWhitelist: [],
      },
    });
    for (const child of children) {
      for (const name of child.clusters) {
        const destination = argocdDestinationName(clusterByName(inventory, name));
        const path = \`rendered/\${name}/\${child.app}/\${child.name}\`;
        chart.add(application(\`\${name}-\${child.app}-\${child.name}\`, path, destination, child.namespace, 'platform', child.syncWave));
      }
    }
  },
});
`,
  'apps/platform/src/namespaces/component.ts': `import { addPlatformNamespace, defineComponent } from '@platform/core';
export default defineComponent({
  description: 'a namespace',
  clusters: 'workload',
  namespace: 'platform',
  syncWave: 0,
  resources: (chart) => void addPlatformNamespace(chart, { name: 'platform', podSecurity: 'restricted' }),
});
`,
};

/** A scratch root holding the fixture component files (and whatever `extra` adds), not yet rendered. */
export function fixtureWorkspace(extra: Record<string, string> = {}) {
  const workspace = emptyWorkspace();
  // Like the repository, the workspace is ES modules (component files use import/export).
  const files = { 'package.json': '{ "type": "module" }\n', ...fixtureComponentFiles, ...extra };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(workspace.root, path, '..'), { recursive: true });
    writeFileSync(join(workspace.root, path), content);
  }
  return workspace;
}
