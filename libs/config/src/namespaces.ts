/** Namespace names, defined once and imported by the catalog and the apps. */
export const namespaces = {
  argocd: 'argocd',
  karpenter: 'kube-system',
  runnerManagers: 'gitlab-runners',
  ciJobs: 'ci-jobs',
  ciJobsPrivileged: 'ci-jobs-privileged',
  observability: 'observability',
} as const;
