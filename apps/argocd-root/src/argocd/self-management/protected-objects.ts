import { addAnnotations, findObject, type InstallObject } from '../install/install-object';

export const syncOptionsAnnotation = 'argocd.argoproj.io/sync-options';

/**
 * `Prune=false`: a sync never deletes the object when it leaves Git (the Application shows it as
 * needing a prune instead). `Delete=false`: deleting the Application (its resources finalizer
 * cascades) leaves the object in place.
 */
export const protectedSyncOptions = 'Prune=false,Delete=false';

/** An object Argo CD needs in order to apply a fix to itself from Git, and why. */
export interface ProtectedObject {
  kind: string;
  name: string;
  reason: string;
}

/**
 * What a bad commit (a rename, a deleted file, a removed component) must not be able to delete
 * through Argo CD's own sync: the CRDs (deleting one deletes every object of that kind, every
 * Application with it), and what the controller needs to read Git and apply a revert.
 * Everything else of the install may be pruned and recreated like any other object.
 */
export const protectedObjects: readonly ProtectedObject[] = [
  ...['applications', 'applicationsets', 'appprojects'].map((plural) => ({
    kind: 'CustomResourceDefinition',
    name: `${plural}.argoproj.io`,
    reason: 'Deleting the CRD deletes every object of its kind, and with them all deployments.',
  })),
  {
    kind: 'StatefulSet',
    name: 'argocd-application-controller',
    reason: 'The controller applies every fix, including the revert of the commit that broke it.',
  },
  ...['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].map((kind) => ({
    kind,
    name: 'argocd-application-controller',
    reason: 'Without its identity and permissions the controller can apply nothing.',
  })),
  {
    kind: 'Deployment',
    name: 'argocd-repo-server',
    reason: 'The controller reads Git only through the repo-server.',
  },
  {
    kind: 'ConfigMap',
    name: 'argocd-cm',
    reason: 'Holds the settings the controller and repo-server start with.',
  },
  {
    kind: 'ConfigMap',
    name: 'argocd-cmd-params-cm',
    reason: 'Holds the Redis address and flags every component starts with.',
  },
];

/** Annotates the protected objects; a protected object missing from the install is an error. */
export function applyProtection(
  install: InstallObject[],
  objects: readonly ProtectedObject[] = protectedObjects,
): void {
  for (const { kind, name } of objects) {
    addAnnotations(findObject(install, kind, name), {
      [syncOptionsAnnotation]: protectedSyncOptions,
    });
  }
}
