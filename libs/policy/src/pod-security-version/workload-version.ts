import { podSecurityLabel } from '@platform/manifests';
import type { KubernetesResource, PolicyDocument } from '../document/policy-document';
import { stringOf } from '../document/json-value';
import { minorOfInventoryVersion, minorOfLabel, type KubernetesMinor } from './kubernetes-minor';
import { newestModelledMinor } from './standard-changes';

/** The versions a pod is judged at: see `StandardChange.basis`. */
export interface PodSecurityVersion {
  /** The namespace's `enforce-version`, capped at the cluster's minor; the cluster's for `latest`. */
  policy: KubernetesMinor;
  /** The Kubernetes minor of the cluster the pod is deployed to. */
  cluster: KubernetesMinor;
}

/** Kubernetes version by cluster name (`rendered/<cluster>/…`), as the inventory states it (`1.33`). */
export type ClusterVersions = Readonly<Record<string, string>>;

/**
 * Resolves the Pod Security version of each workload the way the API server does: the version
 * its Namespace pins in `pod-security.kubernetes.io/enforce-version` (a Namespace among the
 * checked files, on the same cluster), `latest` or no pin meaning the cluster's own version, and a
 * pin newer than the cluster clamped to it. Files outside `rendered/<cluster>/`, and clusters the
 * inventory does not know, are judged at the newest version this engine models.
 */
export function podSecurityVersions(
  documents: readonly PolicyDocument[],
  clusterVersions: ClusterVersions,
): (resource: KubernetesResource) => PodSecurityVersion {
  const pins = new Map<string, string>();
  for (const { resource } of documents) {
    if (resource?.group !== '' || resource.kind !== 'Namespace' || !resource.name) continue;
    const pin = stringOf(resource.labels[`${podSecurityLabel('enforce')}-version`]);
    if (pin !== undefined) pins.set(`${resource.cluster}/${resource.name}`, pin);
  }
  return (resource) => {
    const known = clusterVersions[resource.cluster];
    const cluster = known === undefined ? newestModelledMinor : minorOfInventoryVersion(known);
    const pin = resource.namespace
      ? pins.get(`${resource.cluster}/${resource.namespace}`)
      : undefined;
    const pinned = pin === undefined ? undefined : minorOfLabel(pin);
    return { policy: pinned === undefined ? cluster : Math.min(pinned, cluster), cluster };
  };
}
