import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  argocdDestinationName,
  argocdNamespace,
  clusterByName,
  inClusterDestination,
  type Inventory,
} from '@platform/config';
import type { ComponentSpec } from '@platform/core';
import { rootProjectName } from './application-naming';
import { resourcesFinalizer } from './sync-policy';

type ProjectSpec = NonNullable<IAppProject['spec']>;

function appProject(name: string, description: string, spec: ProjectSpec): IAppProject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: argocdNamespace, finalizers: [resourcesFinalizer] },
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
export function rootProject(inventory: Inventory): IAppProject {
  return appProject(rootProjectName, 'The app-of-apps root: Applications and AppProjects only.', {
    sourceRepos: [inventory.repository.url],
    destinations: [{ name: inClusterDestination, namespace: argocdNamespace }],
    clusterResourceWhitelist: [],
    namespaceResourceWhitelist: [
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
    ],
  });
}

/**
 * One project per app, with least privilege derived from the catalog: only this repository (charts
 * are inflated here, never pulled by ArgoCD), only the components' cluster/namespace pairs, only
 * the cluster-scoped kinds they declare.
 */
export function appProjectFor(
  inventory: Inventory,
  catalog: readonly ComponentSpec[],
  app: string,
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
  const clusterResources = unique(
    components.flatMap((c) => c.clusterResources ?? []),
    (r) => `${r.group}/${r.kind}`,
  );
  return appProject(app, `Components of apps/${app}.`, {
    sourceRepos: [inventory.repository.url],
    destinations,
    clusterResourceWhitelist: clusterResources,
  });
}
