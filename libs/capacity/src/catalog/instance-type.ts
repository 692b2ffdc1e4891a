/** One EC2 instance type as the planner needs it: what Karpenter can select it by, and its limits. */
export interface InstanceTypeSpec {
  /** `m6i.large` */
  name: string;
  /** `karpenter.k8s.aws/instance-family`, e.g. `m6i`. */
  family: string;
  /** `karpenter.k8s.aws/instance-category`, e.g. `m`. */
  category: string;
  /** `karpenter.k8s.aws/instance-generation`, e.g. 6. */
  generation: number;
  /** `karpenter.k8s.aws/instance-size`, e.g. `large`. */
  size: string;
  architecture: 'amd64' | 'arm64';
  vcpu: number;
  /** `karpenter.k8s.aws/instance-memory` (MiB, as EC2 reports it). */
  memoryMiB: number;
  /** ENIs on the default network card (the only one the VPC CNI uses). */
  maxEnis: number;
  ipv4PerEni: number;
  /** Sustained bandwidth (`karpenter.k8s.aws/instance-network-bandwidth`, Mbps). */
  networkBaselineMbps: number;
  /** On-demand USD per hour from Karpenter's price table (`onDemandPriceSource` says which). */
  onDemandUsdPerHour: number;
}

/** The well-known labels that describe an instance type (the keys `instanceTypeLabels` sets). */
export const instanceTypeLabelKeys: ReadonlySet<string> = new Set([
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'karpenter.k8s.aws/instance-family',
  'karpenter.k8s.aws/instance-category',
  'karpenter.k8s.aws/instance-generation',
  'karpenter.k8s.aws/instance-size',
  'karpenter.k8s.aws/instance-cpu',
  'karpenter.k8s.aws/instance-memory',
  'karpenter.k8s.aws/instance-network-bandwidth',
  'karpenter.k8s.aws/instance-hypervisor',
]);

/** The node labels Karpenter puts on a node of this type, for evaluating NodePool requirements. */
export function instanceTypeLabels(type: InstanceTypeSpec): Record<string, string> {
  return {
    'node.kubernetes.io/instance-type': type.name,
    'kubernetes.io/arch': type.architecture,
    'kubernetes.io/os': 'linux',
    'karpenter.k8s.aws/instance-family': type.family,
    'karpenter.k8s.aws/instance-category': type.category,
    'karpenter.k8s.aws/instance-generation': String(type.generation),
    'karpenter.k8s.aws/instance-size': type.size,
    'karpenter.k8s.aws/instance-cpu': String(type.vcpu),
    'karpenter.k8s.aws/instance-memory': String(type.memoryMiB),
    'karpenter.k8s.aws/instance-network-bandwidth': String(type.networkBaselineMbps),
    'karpenter.k8s.aws/instance-hypervisor': 'nitro',
  };
}
