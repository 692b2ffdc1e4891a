import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  argocdNamespace,
  inClusterDestination,
  managementCluster,
  type Inventory,
} from '@platform/config';
import { componentDirectory, type ComponentSpec, type PolicyExemption } from '@platform/core';
import { rootApplicationName, rootProjectName } from './application-naming';
import { automatedSyncPolicy } from './sync-policy';

/**
 * The app-of-apps root. Applied once by hand at bootstrap; from then on it syncs its own
 * directory, which holds itself, the AppProjects and every child Application.
 *
 * It carries no resources finalizer: `kubectl delete application argocd-root` then removes only
 * the root, and every child Application (and what it deployed) keeps running; bootstrap step 2
 * recreates the root, which adopts them. With the finalizer, that one command would cascade to
 * every child and delete Karpenter, External Secrets and the runners (docs/bootstrap/recovery.md).
 */
export function rootApplication(inventory: Inventory, rootComponent: ComponentSpec): IApplication {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: rootApplicationName,
      namespace: argocdNamespace,
    },
    spec: {
      project: rootProjectName,
      source: {
        repoURL: inventory.repository.url,
        targetRevision: inventory.repository.revision,
        path: componentDirectory(
          managementCluster(inventory).name,
          rootComponent.app,
          rootComponent.name,
        ),
      },
      destination: { name: inClusterDestination, namespace: argocdNamespace },
      syncPolicy: automatedSyncPolicy(),
    },
  };
}

/** Why the root alone has no resources finalizer (the argocd-finalizer policy rule). */
export const rootFinalizerExemption: PolicyExemption = {
  rule: 'argocd-finalizer',
  kind: 'Application',
  namespace: argocdNamespace,
  name: rootApplicationName,
  reason:
    'Deleting the root must not cascade to every child Application and all they deploy: without the finalizer it orphans them, and bootstrap step 2 recreates it (docs/bootstrap/recovery.md).',
};
