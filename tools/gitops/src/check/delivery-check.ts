import {
  argocdDestinationName,
  inventory as shippedInventory,
  providedNamespaces,
  type Inventory,
} from '@platform/config';
import { checkDelivery, type DeliveryCluster } from '@platform/delivery';
import type { Finding } from '@platform/manifests';

/** The delivery check over rendered/, with each cluster as ArgoCD addresses it. */
export function deliveryFindings(
  files: readonly { path: string; content: string }[],
  inventory: Inventory = shippedInventory,
): Finding[] {
  const clusters: DeliveryCluster[] = inventory.clusters.map((cluster) => ({
    name: cluster.name,
    destinationName: argocdDestinationName(cluster),
    providedNamespaces: providedNamespaces(cluster),
  }));
  return checkDelivery(files, clusters);
}
