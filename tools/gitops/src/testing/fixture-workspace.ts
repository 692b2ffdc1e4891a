import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyWorkspace } from './fixture-catalog';

/**
 * Component files of a small on-disk workspace, for tests that run the CLI as a user would
 * (discovery, loading by path, the shipped inventory's clusters selected by role).
 */
export const fixtureComponentFiles: Record<string, string> = {
  'apps/root/src/apps/component.ts': `import { defineComponent } from '@platform/core';
export default defineComponent({
  description: 'the root',
  clusters: 'management',
  namespace: 'argocd',
  syncWave: 0,
  syncedBy: 'root',
  resources: (chart) =>
    void chart.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'root', namespace: 'argocd' }, data: { a: 'b' } }),
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
  for (const [path, content] of Object.entries({ ...fixtureComponentFiles, ...extra })) {
    mkdirSync(join(workspace.root, path, '..'), { recursive: true });
    writeFileSync(join(workspace.root, path), content);
  }
  return workspace;
}
