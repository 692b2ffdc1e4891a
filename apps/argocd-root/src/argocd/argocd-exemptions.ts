import type { PolicyExemption } from '@platform/core';

/**
 * Policy rules the upstream install cannot meet, each with the reason a reviewer can check.
 * Everything else of the install passes the rules as rendered (requests, tokens, Pod Security
 * `restricted`); these are the grants Argo CD needs to do its job.
 */
export const argocdExemptions: readonly PolicyExemption[] = [
  {
    rule: 'rbac-no-wildcards',
    kind: 'ClusterRole',
    name: 'argocd-application-controller',
    reason:
      'The controller deploys every kind any component renders (CRDs, RBAC, custom resources) to this cluster and caches them all; what each Application may deploy is limited by its AppProject instead.',
  },
  {
    rule: 'rbac-no-cluster-secret-read',
    kind: 'ClusterRole',
    name: 'argocd-application-controller',
    reason:
      'The controller diffs and syncs Secrets in every namespace it deploys to (ExternalSecret-owned and chart Secrets); AppProjects limit the destinations.',
  },
  {
    rule: 'rbac-no-wildcards',
    kind: 'ClusterRole',
    name: 'argocd-server',
    reason:
      'The API server reads, patches and deletes the live objects of Applications for the UI and CLI (resource tree, diffs, actions), whatever their kind; argocd-rbac-cm makes every user read-only except the admin group.',
  },
  {
    rule: 'rbac-no-cluster-secret-read',
    kind: 'ClusterRole',
    name: 'argocd-server',
    reason:
      'Part of the server’s get on every kind, used to show live manifests; Argo CD masks Secret values in the UI and API.',
  },
  {
    rule: 'rbac-no-cluster-secret-read',
    kind: 'ClusterRole',
    name: 'argocd-applicationset-controller',
    reason:
      'Upstream’s ClusterRole for ApplicationSets in any namespace; cluster generators read the cluster Secrets. This platform renders no ApplicationSets, so it reads nothing today.',
  },
  {
    rule: 'rbac-no-escalation',
    kind: 'ClusterRole',
    name: 'argocd-application-controller',
    reason:
      'Its wildcard is what lets it apply any rendered object, RBAC included (bind and escalate are how it creates the roles components render); it runs only on mgmt, and AppProjects limit what each Application may deploy. docs/security.md lists it among what a mgmt compromise means.',
  },
  {
    rule: 'rbac-no-escalation',
    kind: 'ClusterRole',
    name: 'argocd-server',
    reason:
      "Upstream's get on every kind (live manifests in the UI) includes nodes/proxy and pods/exec on mgmt; argocd-rbac-cm gives every user read-only except the SSO admin group, and the local admin is off. docs/security.md lists it as a residual risk of mgmt.",
  },
];
