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
}

export interface KubeletSettings {
  maxPods?: number;
  podsPerCore?: number;
  kubeReservedCpuMillis?: number;
  kubeReservedMemoryMiB?: number;
  systemReservedCpuMillis?: number;
  systemReservedMemoryMiB?: number;
  /** `evictionHard["memory.available"]` as MiB, or as a share of node memory. */
  evictionHardMemory?: { mib: number } | { share: number };
}

export interface SubnetSelectorTerm {
  tags?: Record<string, string>;
  id?: string;
}
