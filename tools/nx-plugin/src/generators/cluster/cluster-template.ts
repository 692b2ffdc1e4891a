/** What the cluster template needs, validated by the generator. */
export interface ClusterTemplateInput {
  name: string;
  /** The exported constant: `ci2` for cluster `ci-2`. */
  variable: string;
  role: 'workload' | 'management';
  accountId: string;
  region: string;
  eksClusterName: string;
  endpoint: string;
  certificateAuthorityData: string;
  kubernetesVersion: string;
  /** First two octets of the VPC /16. */
  vpcPrefix: string;
}

/**
 * What every workload cluster declares beyond its network: admission rules (protective ones denied, the others warn-only at first), how pods get
 * addresses (Karpenter launches its nodes), where its telemetry goes, and that the multi-arch
 * runner's helper image is not built yet.
 */
const podNetworking = `
  // Policy rules enforced at admission: what protects the cluster denied from the start, the rest
  // warn-only until observed (docs/admission.md: Warn, then Deny).
  admission: { protective: ['Deny', 'Audit'], advisory: ['Warn', 'Audit'] },
  // Prefix delegation: a node takes /28s, not one ENI's worth of addresses per few pods, so a
  // burst of nodes and pods stays far inside the /18s.
  podNetworking: { mode: 'prefix-delegation', warmPrefixTarget: 1 },
  // Where the node agents send telemetry: the same Datadog site and log route as ci. Subnet
  // usage from VPC IPAM as on ci: the IPAM must monitor this VPC and Datadog collect AWS/IPAM
  // (docs/runbooks/observability/subnet-free-ips.md, Prerequisites), or set 'none'.
  observability: { datadogSite: 'datadoghq.eu', logs: { type: 'datadog' }, subnetIpUsage: 'vpc-ipam' },
  // No multi-arch runner until its helper image is in this account's ECR: build it with the
  // command in apps/gitlab-runners/README.md, then set 'ecr' (GitlabRunnersSpec.multiArchHelperImage).
  gitlabRunners: { multiArchHelperImage: 'none' },`;

/**
 * The cluster file. Node subnets are /18s, as on ci: every pod takes a VPC IP, and /24s ran dry
 * on the original CI cluster at peak.
 */
export function clusterFile(input: ClusterTemplateInput): string {
  const zones = ['a', 'b', 'c'];
  const subnet = (purpose: 'nodes' | 'public', zone: string, cidr: string) =>
    `      { name: '${input.name}-${purpose}-${zone}', availabilityZone: '${input.region}${zone}', cidr: '${cidr}', purpose: '${purpose}' },`;
  const subnets = [
    ...zones.map((zone, i) => subnet('nodes', zone, `${input.vpcPrefix}.${i * 64}.0/18`)),
    ...zones.map((zone, i) => subnet('public', zone, `${input.vpcPrefix}.${192 + i}.0/24`)),
  ];
  return `import type { ClusterSpec } from '../inventory-types';

/** The ${input.role} cluster ${input.name} (added by the cluster generator; describe what runs here and why). */
export const ${input.variable}: ClusterSpec = {
  name: '${input.name}',
  role: '${input.role}',
  aws: { accountId: '${input.accountId}', region: '${input.region}' },
  eks: {
    clusterName: '${input.eksClusterName}',
    endpoint: '${input.endpoint}',
    certificateAuthorityData: '${input.certificateAuthorityData}',
    kubernetesVersion: '${input.kubernetesVersion}',
  },
  network: {
    vpcCidr: '${input.vpcPrefix}.0.0/16',
    // EKS's default for a VPC in 10.0.0.0/8; check kubernetesNetworkConfig in describe-cluster.
    serviceCidr: '172.20.0.0/16',
    subnets: [
${subnets.join('\n')}
    ],
  },${input.role === 'workload' ? podNetworking : ''}
};
`;
}
