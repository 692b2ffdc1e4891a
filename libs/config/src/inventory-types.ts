/**
 * The shape of the inventory: every fact about clusters, networks, chart pins and deployable
 * components. Data lives in the sibling files; this file only says what a valid entry looks like.
 */

/** The Nx apps that render manifests. Each has a folder under apps/ with the same name. */
export const appNames = ['argocd-root', 'gitlab-runners', 'karpenter', 'observability'] as const;
export type AppName = (typeof appNames)[number];

export interface ClusterSpec {
  /** Short name: the folder under rendered/ and the cluster's name in ArgoCD. */
  name: string;
  /** `management` runs ArgoCD and is its in-cluster destination; `workload` clusters are registered. */
  role: 'management' | 'workload';
  aws: { accountId: string; region: string };
  eks: {
    clusterName: string;
    /** API server endpoint, as `aws eks describe-cluster` prints it. */
    endpoint: string;
    /** Base64 PEM of the cluster CA (public data, from `aws eks describe-cluster`). */
    certificateAuthorityData: string;
    /** Minor version, e.g. `1.33`; pins the Pod Security Standards version labels. */
    kubernetesVersion: string;
  };
  network: NetworkSpec;
}

export interface NetworkSpec {
  vpcCidr: string;
  subnets: SubnetSpec[];
}

export interface SubnetSpec {
  /** Tag value `Name` on the subnet; how Karpenter and load balancers select it. */
  name: string;
  availabilityZone: string;
  cidr: string;
  /** `nodes` subnets carry nodes and pod IPs; `public` ones only load balancers and NAT. */
  purpose: 'nodes' | 'public';
}

/** An exact Helm chart pin: one per chart, imported wherever the chart is used. */
export interface ChartPin {
  chart: string;
  /** Helm repository URL, or `oci://registry/path` for an OCI chart (without the chart name). */
  repoURL: string;
  /** An exact version (no ranges): ArgoCD and Renovate both need it. */
  version: string;
}

export type ComponentSource =
  /** Plain manifests rendered by the app into rendered/<cluster>/<app>/<component>/. */
  | { type: 'rendered' }
  /** A Helm chart ArgoCD inflates, with values rendered into the component's values.yaml. */
  | { type: 'helm'; chart: ChartPin; releaseName?: string };

export interface GroupKind {
  /** API group; `''` for the core group. */
  group: string;
  kind: string;
}

export interface ComponentSpec {
  app: AppName;
  /** Folder name under the app and part of the ArgoCD Application name. */
  name: string;
  description: string;
  clusters: string[];
  /** Destination namespace; the namespace of the component's namespaced resources. */
  namespace: string;
  /**
   * Other namespaces the component writes to (a chart may create objects outside its release
   * namespace); its AppProject allows exactly these destinations besides `namespace`.
   */
  additionalNamespaces?: string[];
  /** ArgoCD sync wave of the component's Application (lower syncs first). */
  syncWave: number;
  source: ComponentSource;
  /** Cluster-scoped kinds the component creates; its AppProject whitelists exactly these. */
  clusterResources?: GroupKind[];
  /** Large CRDs exceed the client-side apply annotation limit. */
  serverSideApply?: boolean;
  /**
   * `root`: synced by the root Application itself (the app-of-apps), not by a child Application.
   * Exactly one component has it.
   */
  syncedBy?: 'root';
}

export interface GitRepository {
  /** The repository ArgoCD clones. */
  url: string;
  /** The branch ArgoCD follows. */
  revision: string;
}

export interface Inventory {
  repository: GitRepository;
  clusters: ClusterSpec[];
  charts: Record<string, ChartPin>;
  components: ComponentSpec[];
}
