import { parse, stringify } from 'yaml';
import { ArgocdInstallError } from '../install/install-object';

/** One entry of `resource.exclusions` in argocd-cm (Argo CD 3.5 "Resource Exclusion/Inclusion"). */
export interface ResourceFilter {
  apiGroups: string[];
  kinds: string[];
  /** Cluster URLs or globs; omitted means every cluster. */
  clusters?: string[];
  /** Why Argo CD never needs to watch these, for the reviewer. */
  reason: string;
}

export const resourceExclusionsKey = 'resource.exclusions';

/**
 * What this platform adds to upstream's default exclusions (Endpoints, EndpointSlices, Leases,
 * access reviews, CSRs, Cilium and Kyverno reports, which the 3.5 install already lists).
 * Excluded kinds are neither watched nor shown, so only kinds Argo CD never creates belong here.
 */
export const platformResourceExclusions: readonly ResourceFilter[] = [
  {
    apiGroups: ['karpenter.sh'],
    kinds: ['NodeClaim'],
    reason:
      'Karpenter creates and deletes a NodeClaim for every CI node all day and rewrites its status while the node starts; they are owned by NodePools, never rendered here, and watching them only refreshes the karpenter Application on every node launch.',
  },
];

/**
 * Upstream's exclusion list with ours appended. The key is one YAML string, so setting it replaces
 * upstream's defaults: they are kept by parsing the vendored value and writing the union.
 */
export function mergedResourceExclusions(
  upstreamValue: string | undefined,
  additions: readonly ResourceFilter[],
): string {
  const upstream: unknown = upstreamValue === undefined ? [] : parse(upstreamValue);
  if (!Array.isArray(upstream)) {
    throw new ArgocdInstallError(
      `ConfigMap/argocd-cm data.${resourceExclusionsKey}`,
      'is not a YAML list of resource filters',
    );
  }
  const ours = additions.map(({ reason: _reason, ...filter }) => filter);
  return stringify([...upstream, ...ours], { lineWidth: 0 });
}
