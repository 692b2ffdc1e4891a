import type { ResourceIdentity } from '../resources/rendered-resource';

/**
 * What ArgoCD's prune does beyond deleting the object itself, for the kinds where that is worse
 * than it looks.
 */
export function removalImpact(identity: ResourceIdentity): string | undefined {
  switch (`${identity.group}/${identity.kind}`) {
    case '/Namespace':
      return 'deleting a Namespace deletes every object in it';
    case 'apiextensions.k8s.io/CustomResourceDefinition':
      return 'deleting a CRD deletes every custom resource of that kind in the cluster';
    case 'argoproj.io/Application':
      return 'the resources finalizer deletes every resource this Application manages';
    case 'argoproj.io/AppProject':
      return 'Applications still in this project stop syncing';
    case '/PersistentVolumeClaim':
    case '/PersistentVolume':
      return 'the volume and its data may be deleted (reclaim policy)';
    case 'karpenter.sh/NodePool':
    case 'karpenter.k8s.aws/EC2NodeClass':
      return 'Karpenter drains and terminates the nodes it launched for this';
    default:
      return undefined;
  }
}
