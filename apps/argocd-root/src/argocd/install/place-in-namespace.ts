import type { ISubject } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Subject';
import { ArgocdInstallError, objectKey, type InstallObject } from './install-object';

/**
 * The kinds of the install that are cluster-scoped. Upstream applies the install with
 * `kubectl apply -n argocd`, so its namespaced objects carry no namespace; the rendered files must
 * (they are applied, and diffed by Argo CD, without `-n`). A kind in neither list is an error, so an
 * upstream bump that adds a kind gets a decision instead of a guess.
 */
const clusterScoped = new Set(['CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding']);
const namespaced = new Set([
  'ConfigMap',
  'Deployment',
  'NetworkPolicy',
  'Role',
  'RoleBinding',
  'Secret',
  'Service',
  'ServiceAccount',
  'StatefulSet',
]);

/** Puts every namespaced object, and every ServiceAccount a binding names, into `namespace`. */
export function placeInNamespace(install: InstallObject[], namespace: string): void {
  for (const object of install) {
    if (clusterScoped.has(object.kind)) {
      if (object.metadata.namespace !== undefined) {
        throw new ArgocdInstallError(objectKey(object), 'is cluster-scoped but has a namespace');
      }
    } else if (namespaced.has(object.kind)) {
      object.metadata.namespace = namespace;
    } else {
      throw new ArgocdInstallError(
        objectKey(object),
        `kind ${object.kind} is new in the install: say in install/place-in-namespace.ts whether it is namespaced`,
      );
    }
    if (object.kind === 'ClusterRoleBinding' || object.kind === 'RoleBinding') {
      for (const subject of (object.subjects ?? []) as ISubject[]) {
        // Upstream hard-codes `argocd` in ClusterRoleBinding subjects; follow the real namespace.
        if (subject.kind === 'ServiceAccount') subject.namespace = namespace;
      }
    }
  }
}
