import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  argocdDestinationName,
  argocdNamespace,
  clusterByName,
  inClusterDestination,
  type Inventory,
} from '@platform/config';
import type { ComponentSpec, GroupKind, RenderedKindsOf } from '@platform/core';
import { rootProjectName } from './application-naming';
import { syncWaveAnnotation } from '../argocd/self-management/sync-waves';
import { resourcesFinalizer } from './sync-policy';

type ProjectSpec = NonNullable<IAppProject['spec']>;

/**
 * The sync wave of every AppProject: before the earliest child Application. A child whose project
 * does not exist yet is Unknown (controller/appcontroller.go, refreshAppConditions), which never
 * completes its wave, so the project must be there first.
 */
export function appProjectSyncWave(catalog: readonly ComponentSpec[]): number {
  const children = catalog.filter((c) => c.syncedBy !== 'root').map((c) => c.syncWave);
  return Math.min(0, ...children) - 1;
}

function appProject(
  name: string,
  description: string,
  spec: ProjectSpec,
  wave: number,
): IAppProject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name,
      namespace: argocdNamespace,
      annotations: { [syncWaveAnnotation]: String(wave) },
      finalizers: [resourcesFinalizer],
    },
    spec: { description, ...spec },
  };
}

/**
 * Each item once, sorted by its key: ArgoCD gives these lists no order, so the rendered order must
 * not follow the catalog's (adding a component would reorder what it did not change).
 */
function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

/**
 * The root Application's project. Whoever can push here can create Applications, so the root may
 * hold nothing but Applications and AppProjects, and only in the ArgoCD namespace.
 */
export function rootProject(inventory: Inventory, wave: number): IAppProject {
  return appProject(
    rootProjectName,
    'The app-of-apps root: Applications and AppProjects only.',
    {
      sourceRepos: [inventory.repository.url],
      destinations: [{ name: inClusterDestination, namespace: argocdNamespace }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: [
        { group: 'argoproj.io', kind: 'AppProject' },
        { group: 'argoproj.io', kind: 'Application' },
      ],
    },
    wave,
  );
}

/**
 * One project per app, with least privilege derived from the catalog and from what its
 * components render: only this repository (charts are inflated here, never pulled by ArgoCD),
 * only the components' cluster/namespace pairs, and exactly the kinds they render, cluster-scoped
 * and namespaced (a merge that adds a ClusterRoleBinding to an app whose components render none
 * changes its project in the same diff, for review; Argo CD refuses any other kind).
 */
export function appProjectFor(
  inventory: Inventory,
  catalog: readonly ComponentSpec[],
  app: string,
  renderedKinds: RenderedKindsOf,
): IAppProject {
  const components = catalog.filter((c) => c.app === app && c.syncedBy !== 'root');
  const destinations = unique(
    components.flatMap((c) =>
      c.clusters.flatMap((cluster) =>
        [c.namespace, ...(c.additionalNamespaces ?? [])].map((namespace) => ({
          name: argocdDestinationName(clusterByName(inventory, cluster)),
          namespace,
        })),
      ),
    ),
    (d) => `${d.name}/${d.namespace}`,
  );
  const rendered = components.flatMap((c) =>
    c.clusters.map((cluster) => renderedKinds(c, cluster)),
  );
  return appProject(
    app,
    `Components of apps/${app}.`,
    {
      sourceRepos: [inventory.repository.url],
      destinations,
      clusterResourceWhitelist: kindList(rendered.flatMap((kinds) => kinds.clusterScoped)),
      namespaceResourceWhitelist: kindList(rendered.flatMap((kinds) => kinds.namespaced)),
    },
    appProjectSyncWave(catalog),
  );
}

/** Each kind once, by group then kind. */
function kindList(kinds: readonly GroupKind[]): GroupKind[] {
  return unique([...kinds], (k) => `${k.group}/${k.kind}`);
}
