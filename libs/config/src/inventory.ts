import { clusters } from './clusters';
import type { ClusterSpec, Inventory } from './inventory-types';
import { validateInventory } from './inventory-validation';
import { repository } from './repository';

/** The validated inventory. Importing it fails loudly if any entry is wrong. */
export const inventory: Inventory = validateInventory({ repository, clusters });

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
