import type { ComponentSpec } from '../component/component-definition';

/** The apps that have at least one component, sorted. */
export function appsOf(catalog: readonly ComponentSpec[]): string[] {
  return [...new Set(catalog.map((c) => c.app))].sort();
}

/** The components an app deploys to one cluster, in catalog order. */
export function componentsOf(
  catalog: readonly ComponentSpec[],
  app: string,
  cluster: string,
): ComponentSpec[] {
  return catalog.filter((c) => c.app === app && c.clusters.includes(cluster));
}

/** The clusters an app renders for, in the order given. */
export function clustersOf(
  catalog: readonly ComponentSpec[],
  app: string,
  clusterOrder: readonly string[],
): string[] {
  const names = new Set(catalog.filter((c) => c.app === app).flatMap((c) => c.clusters));
  return clusterOrder.filter((name) => names.has(name));
}
