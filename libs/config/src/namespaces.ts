/** Namespace names, defined once and imported by the catalog and the apps. */
export const namespaces = {
  argocd: 'argocd',
  karpenter: 'kube-system',
  runnerManagers: 'gitlab-runners',
  ciJobs: 'ci-jobs',
  ciJobsMultiArch: 'ci-jobs-multiarch',
  ciJobsPrivileged: 'ci-jobs-privileged',
  observability: 'observability',
  externalSecrets: 'external-secrets',
} as const;

/**
 * Namespaces a cluster has before anything syncs. `default` is deliberately absent: nothing of this
 * platform belongs there, so an object in it is a mistake. ArgoCD's own namespace exists on the
 * management cluster from its bootstrap.
 */
export function providedNamespaces(cluster: { role: 'management' | 'workload' }): string[] {
  const everywhere = ['kube-system', 'kube-public', 'kube-node-lease'];
  return cluster.role === 'management' ? [...everywhere, namespaces.argocd] : everywhere;
}
