/**
 * What the planner needs from an EC2NodeClass: its kubelet settings (in planner units) and the
 * subnets it selects. Read from a rendered EC2NodeClass by `readNodeClass`.
 */
export interface NodeClassSettings {
  name: string;
  /** Where it was read from, for findings. */
  file: string;
  /** The AMI family of the alias (`al2023`, `bottlerocket`…); decides how memory is reserved. */
  amiFamily: string;
  kubelet: KubeletSettings;
  subnetSelectorTerms: SubnetSelectorTerm[];
  /** The `rootVolume: true` block device (the kubelet's root dir: its ephemeral storage). */
  rootVolume?: { path: string; sizeMiB: number };
}

/** A hard eviction threshold: an absolute amount, or a share of the resource's capacity. */
export type EvictionThreshold = { mib: number } | { share: number };

export interface KubeletSettings {
  maxPods?: number;
  podsPerCore?: number;
  kubeReservedCpuMillis?: number;
  kubeReservedMemoryMiB?: number;
  systemReservedCpuMillis?: number;
  systemReservedMemoryMiB?: number;
  /** `evictionHard["memory.available"]` as MiB, or as a share of node memory. */
  evictionHardMemory?: EvictionThreshold;
  kubeReservedEphemeralMiB?: number;
  systemReservedEphemeralMiB?: number;
  /** `evictionHard["nodefs.available"]` and `["imagefs.available"]` (one root volume holds both). */
  evictionHardNodefs?: EvictionThreshold;
  evictionHardImagefs?: EvictionThreshold;
}

export interface SubnetSelectorTerm {
  tags?: Record<string, string>;
  id?: string;
}
