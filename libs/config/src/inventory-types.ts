/**
 * The shape of the inventory: the facts every app shares (clusters, networks, the repository).
 * What is deployed where is not here: each component declares it in its own folder under apps/.
 * Data lives in the sibling files; this file only says what a valid entry looks like.
 */

import type { DatadogSite } from '@platform/charts';

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
  /**
   * The policy rules enforced at admission on this cluster (ValidatingAdmissionPolicies rendered
   * by apps/admission-control); absent: none. See docs/admission.md for rolling Warn to Deny.
   */
  admission?: AdmissionSpec;
  /**
   * How the VPC CNI gives pods their addresses. Required on clusters whose nodes Karpenter
   * launches: it decides max pods per node, the kubelet memory reservation and how many subnet
   * addresses each node holds (the capacity planner reads it).
   */
  podNetworking?: PodNetworkingSpec;
  /** Where the cluster's telemetry goes; required on every cluster that runs the node agents. */
  observability?: ObservabilitySpec;
  /** What the cluster's GitLab Runners rely on outside this repository; absent: as `none` says. */
  gitlabRunners?: GitlabRunnersSpec;
}

/** Prerequisites of the GitLab Runners that live outside this repository. */
export interface GitlabRunnersSpec {
  /**
   * The multi-platform GitLab Runner helper image (`linux/amd64` and `linux/arm64`) for the
   * pinned runner version, a prerequisite outside this repository: GitLab publishes one helper
   * tag per architecture and no index of both, and the Kubernetes executor picks the helper's
   * architecture from the job's node selector, so a job that may land on either architecture
   * needs an image that runs on both. `ecr`: the image is in the cluster account's ECR
   * (`gitlabRunnerHelperRepository`, built from the two upstream tags with the command in
   * apps/gitlab-runners/README.md), so the `multi-arch` runner renders and the planner sends
   * `peakLoad.multiArchShare` of the jobs to the multi-arch pool. `none`: no multi-arch runner,
   * and no job plans there. A runner bump must build the new version's image before it merges.
   */
  multiArchHelperImage: 'ecr' | 'none';
}

/** How the API server acts on a pod an admission policy refuses. */
export type AdmissionValidationAction = 'Deny' | 'Warn' | 'Audit';

/**
 * The bindings' `validationActions`, by the kind of rule: start a kind with `['Warn', 'Audit']`,
 * enforce it with `['Deny', 'Audit']` (docs/admission.md).
 */
export interface AdmissionSpec {
  /** Rules whose refused pod could take its node or the API: host access, a CI job's token. */
  protective: AdmissionValidationAction[];
  /** Rules that keep pods well-formed: requests and limits, pinned images, do-not-disrupt. */
  advisory: AdmissionValidationAction[];
}

/**
 * The VPC CNI's IP address mode and warm pool (`aws-node` environment). `secondary-ips`: one
 * address per pod, ENIs filled one by one, `WARM_ENI_TARGET` spare ENIs (or `WARM_IP_TARGET`
 * spare addresses) kept attached. `prefix-delegation` (`ENABLE_PREFIX_DELEGATION=true`): /28
 * prefixes of 16 addresses, `WARM_PREFIX_TARGET` spare prefixes per node.
 */
export type PodNetworkingSpec =
  | { mode: 'secondary-ips'; warmEniTarget: number; warmIpTarget?: number }
  | { mode: 'prefix-delegation'; warmPrefixTarget: number };

/** The Datadog organisation a cluster reports to, and where its container logs are shipped. */
export interface ObservabilitySpec {
  /** The Datadog site of the organisation (`datadoghq.eu`, `datadoghq.com`, …). */
  datadogSite: DatadogSite;
  /** Fluent Bit's output for container logs. */
  logs: LogOutputSpec;
  /**
   * Where the share of each node subnet's addresses in use comes from, a prerequisite outside this
   * repository. AWS publishes no such metric by itself: `vpc-ipam` states that an Amazon VPC IPAM
   * monitors the cluster's VPC (its Region among the IPAM's operating Regions), so CloudWatch
   * receives `SubnetIPUsage` in the `AWS/IPAM` namespace, and that the Datadog AWS integration of
   * `aws.accountId` collects that namespace (`aws.ipam.subnet_ipusage`); the subnet monitors
   * (apps/observability) render only then. `none`: no subnet monitors; the capacity plan
   * (`gitops capacity`) is the only guard against running out of addresses.
   */
  subnetIpUsage: 'vpc-ipam' | 'none';
}

export type LogOutputSpec =
  /** Datadog log intake of the cluster's site, with the Datadog API key. */
  | { type: 'datadog' }
  /** A CloudWatch Logs group in the cluster's region (IRSA role `<eks>-fluent-bit`). */
  | { type: 'cloudwatch'; logGroup: string };

export interface NetworkSpec {
  vpcCidr: string;
  /**
   * The cluster's Service CIDR (`aws eks describe-cluster … kubernetesNetworkConfig.serviceIpv4Cidr`):
   * ClusterIPs come from it, and jobs' egress excepts it (the AWS network policy agent matches
   * ClusterIPs before DNAT). The cluster DNS Service is its tenth address.
   */
  serviceCidr: string;
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

export interface GitRepository {
  /** The repository ArgoCD clones. */
  url: string;
  /** The branch ArgoCD follows. */
  revision: string;
}

export interface Inventory {
  repository: GitRepository;
  clusters: ClusterSpec[];
}
