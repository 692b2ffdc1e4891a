import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import {
  argocdNamespace,
  inClusterDestination,
  managementCluster,
  type Inventory,
} from '@platform/config';
import { componentDirectory, type ComponentSpec } from '@platform/core';
import { rootApplicationName, rootProjectName } from './application-naming';
import { automatedSyncPolicy, resourcesFinalizer } from './sync-policy';

/**
 * The app-of-apps root. Applied once by hand at bootstrap; from then on it syncs its own
 * directory, which holds itself, the AppProjects and every child Application.
 */
export function rootApplication(inventory: Inventory, rootComponent: ComponentSpec): IApplication {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: rootApplicationName,
      namespace: argocdNamespace,
      finalizers: [resourcesFinalizer],
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
