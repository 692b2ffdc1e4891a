import { charts } from './charts';
import type { ComponentSpec } from './inventory-types';
import { namespaces } from './namespaces';

const namespaceKind = { group: '', kind: 'Namespace' };

/**
 * The component catalog: what is deployed where, in which order, from which source.
 * argocd-root turns every entry into an ArgoCD Application; each app renders the entries that
 * name it. Sync waves: cluster plumbing first (-20), Karpenter (-10), namespaces (0), workloads.
 */
export const components: ComponentSpec[] = [
  {
    app: 'argocd-root',
    name: 'app-of-apps',
    description: 'The root Application, the AppProjects and one Application per component.',
    clusters: ['mgmt'],
    namespace: namespaces.argocd,
    syncWave: 0,
    source: { type: 'rendered' },
    syncedBy: 'root',
  },
  {
    app: 'argocd-root',
    name: 'cluster-registrations',
    description: 'Declarative ArgoCD cluster Secrets for the workload clusters (EKS IAM auth).',
    clusters: ['mgmt'],
    namespace: namespaces.argocd,
    syncWave: -20,
    source: { type: 'rendered' },
  },
  {
    app: 'karpenter',
    name: 'controller',
    description: 'The Karpenter controller and its CRDs from the official OCI chart.',
    clusters: ['ci'],
    namespace: namespaces.karpenter,
    // The chart's lease Role and RoleBinding live in kube-node-lease (templates/role.yaml, 1.14.1).
    additionalNamespaces: [namespaces.kubeNodeLease],
    syncWave: -10,
    source: { type: 'helm', chart: charts.karpenter, releaseName: 'karpenter' },
    clusterResources: [
      { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
      { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
      { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
    ],
    serverSideApply: true,
  },
  {
    app: 'gitlab-runners',
    name: 'namespaces',
    description: 'Namespaces of the runner managers and of the restricted and privileged job pods.',
    clusters: ['ci'],
    namespace: namespaces.runnerManagers,
    syncWave: 0,
    source: { type: 'rendered' },
    clusterResources: [namespaceKind],
  },
  {
    app: 'observability',
    name: 'namespaces',
    description: 'The namespace of the node agents (Datadog, Fluent Bit).',
    clusters: ['ci'],
    namespace: namespaces.observability,
    syncWave: 0,
    source: { type: 'rendered' },
    clusterResources: [namespaceKind],
  },
];
