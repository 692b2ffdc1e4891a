import { components } from './catalog';
import { charts } from './charts';
import { clusters } from './clusters';
import type { AppName, ClusterSpec, ComponentSpec, Inventory } from './inventory-types';
import { validateInventory } from './inventory-validation';
import { repository } from './repository';

/** The validated inventory. Importing it fails loudly if any entry is wrong. */
export const inventory: Inventory = validateInventory({ repository, clusters, charts, components });

export function clusterByName(inv: Inventory, name: string): ClusterSpec {
  const cluster = inv.clusters.find((c) => c.name === name);
  if (!cluster)
    throw new Error(
      `unknown cluster "${name}" (known: ${inv.clusters.map((c) => c.name).join(', ')})`,
    );
  return cluster;
}

export function managementCluster(inv: Inventory): ClusterSpec {
  const cluster = inv.clusters.find((c) => c.role === 'management');
  if (!cluster) throw new Error('the inventory has no management cluster');
  return cluster;
}

/** The components an app deploys to one cluster, in catalog order. */
export function componentsOf(inv: Inventory, app: AppName, cluster: string): ComponentSpec[] {
  return inv.components.filter((c) => c.app === app && c.clusters.includes(cluster));
}

/** The clusters an app renders for. */
export function clustersOf(inv: Inventory, app: AppName): string[] {
  const names = new Set(inv.components.filter((c) => c.app === app).flatMap((c) => c.clusters));
  return inv.clusters.map((c) => c.name).filter((name) => names.has(name));
}
