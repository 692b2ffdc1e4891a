import {
  argocdDestinationName,
  inventory as shippedInventory,
  providedNamespaces,
  type Inventory,
} from '@platform/config';
import { checkDelivery, checkNamespacesCreated, type DeliveryCluster } from '@platform/delivery';
import type { Finding } from '@platform/manifests';

/** The delivery check over rendered/, with each cluster as ArgoCD addresses it. */
export function deliveryFindings(
  files: readonly { path: string; content: string }[],
  inventory: Inventory = shippedInventory,
): Finding[] {
  return checkDelivery(files, deliveryClusters(inventory));
}

/** Only the namespaces: each is created on its cluster, or provided by it (no Application needed). */
export function namespaceFindings(
  files: readonly { path: string; content: string }[],
  inventory: Inventory = shippedInventory,
): Finding[] {
  return checkNamespacesCreated(files, deliveryClusters(inventory));
}

function deliveryClusters(inventory: Inventory): DeliveryCluster[] {
  return inventory.clusters.map((cluster) => ({
    name: cluster.name,
    destinationName: argocdDestinationName(cluster),
    providedNamespaces: providedNamespaces(cluster),
  }));
}
