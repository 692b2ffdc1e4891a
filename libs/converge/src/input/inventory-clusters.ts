import {
  argocdDeployerRoleArn,
  argocdDeployerTrustedPrincipals,
  argocdDestinationName,
  managementCluster,
  type Inventory,
} from '@platform/config';
import type { ConvergeCluster } from './converge-input';

/** Namespaces every EKS cluster has before anything is applied (besides `default`). */
const eksNamespaces = ['kube-system', 'kube-public', 'kube-node-lease'];

/**
 * The inventory's clusters as converge needs them: how Argo CD names each, what an empty EKS
 * cluster holds, and for a workload cluster the deployer role its registration names with the
 * principals that role trusts (the infrastructure prerequisite the inventory states).
 */
export function convergeClustersOf(inventory: Inventory): ConvergeCluster[] {
  const management = managementCluster(inventory);
  return inventory.clusters.map((cluster) => ({
    name: cluster.name,
    role: cluster.role,
    destinationName: argocdDestinationName(cluster),
    providedNamespaces: eksNamespaces,
    ...(cluster.role === 'workload'
      ? {
          deployerRole: {
            arn: argocdDeployerRoleArn(cluster),
            trustedPrincipals: argocdDeployerTrustedPrincipals(management),
          },
        }
      : {}),
  }));
}
