import { clusters } from '@platform/config';
import type { ClusterVersions } from './workload-version';

/** Each inventory cluster's Kubernetes version (`eks.kubernetesVersion`), by cluster name. */
export function inventoryClusterVersions(): ClusterVersions {
  return Object.fromEntries(
    clusters.map((cluster) => [cluster.name, cluster.eks.kubernetesVersion]),
  );
}
