import {
  ArgocdInstallError,
  addAnnotations,
  objectKey,
  type InstallObject,
} from '../install/install-object';

export const syncWaveAnnotation = 'argocd.argoproj.io/sync-wave';

/**
 * Order in which Argo CD applies its own objects when it syncs itself (lower first; a wave waits
 * for the previous one to be healthy). The Namespace and the CRDs come first, then identity and
 * configuration, then the workloads that read them, so a new controller never starts against old
 * settings or a CRD that lacks a field it writes. A kind not listed is an error: an upstream bump
 * that adds a kind must place it.
 */
export const syncWaveOfKind: Readonly<Record<string, number>> = {
  Namespace: -3,
  CustomResourceDefinition: -2,
  ServiceAccount: -1,
  Role: -1,
  ClusterRole: -1,
  RoleBinding: -1,
  ClusterRoleBinding: -1,
  ConfigMap: -1,
  Secret: -1,
  Service: 0,
  NetworkPolicy: 0,
  PodDisruptionBudget: 0,
  Deployment: 0,
  StatefulSet: 0,
};

export function syncWaveOf(object: InstallObject): number {
  const wave = syncWaveOfKind[object.kind];
  if (wave === undefined) {
    throw new ArgocdInstallError(
      objectKey(object),
      `kind ${object.kind} has no sync wave in self-management/sync-waves.ts`,
    );
  }
  return wave;
}

export function applySyncWaves(objects: InstallObject[]): void {
  for (const object of objects) {
    addAnnotations(object, { [syncWaveAnnotation]: String(syncWaveOf(object)) });
  }
}
