import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleCacheDirectory } from '@platform/gitops';
import { namespacesComponent, serviceComponent } from './generated-components';

const appOfApps = 'apps/argocd-root/src/app-of-apps';

/** Components per namespace: a namespace of 50 small services, as a team would have. */
const componentsPerNamespace = 50;

export interface ScalingWorkspace {
  root: string;
  components: number;
  /** The CLI as the workspace's own copy: `repositoryRoot` is where the CLI's files are. */
  gitops: string;
  dispose: () => void;
}

/**
 * A scratch repository with `count` generated components (a Deployment and a ConfigMap each, on
 * the workload clusters, in namespaces of 50) plus their namespaces and an app-of-apps that renders
 * one Application per component (the repository's own app-of-apps): the shape of this repository, without charts, so the figures
 * measure the engine and the checks rather than Helm.
 *
 * The CLI (tools/gitops) and the tsconfig files are copied, because the CLI takes the repository
 * root from where its own files are; libs, vendor and node_modules are symlinks to this checkout.
 */
export function scalingWorkspace(repositoryRoot: string, count: number): ScalingWorkspace {
  const root = mkdtempSync(join(tmpdir(), `gitops-scaling-${count}-`));
  for (const shared of ['libs', 'vendor', 'node_modules']) {
    symlinkSync(join(repositoryRoot, shared), join(root, shared));
  }
  for (const copied of ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'tools/gitops']) {
    cpSync(join(repositoryRoot, copied), join(root, copied), { recursive: true });
  }
  // The real app-of-apps: an AppProject per app and an Application per component and cluster.
  cpSync(join(repositoryRoot, appOfApps), join(root, appOfApps), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
  const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
  const namespaceOf = (index: number) =>
    `bench-${String(Math.floor(index / componentsPerNamespace)).padStart(2, '0')}`;
  const namespaces = [...new Set(names.map((_, i) => namespaceOf(i)))];
  const files: Record<string, string> = {
    'apps/bench/src/namespaces/component.ts': namespacesComponent(namespaces),
  };
  names.forEach((name, index) => {
    files[`apps/bench/src/${name}/component.ts`] = serviceComponent(name, namespaceOf(index));
  });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return {
    root,
    components: count,
    gitops: join(root, 'tools/gitops/bin/gitops.mjs'),
    dispose: () => {
      // The workspace's bundles live in this checkout's node_modules (it is a link).
      rmSync(bundleCacheDirectory(root), { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
