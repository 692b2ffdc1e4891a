import type { PodNetworkingSpec } from '@platform/config';
import type { InstanceTypeSpec } from '../catalog/instance-type';
import {
  defaultEvictionHardMemoryMiB,
  kubeReservedCpuMillis,
  kubeReservedMemoryMiB,
  nodeMemoryCapacityMiB,
} from './kubelet-reservations';
import { kubeletMaxPods, networkMaxPods, secondaryIpMaxPods } from './max-pods';
import type { NodeClassSettings } from './node-class-settings';

export interface Resources {
  cpuMillis: number;
  memoryMiB: number;
}

/** One instance type under one EC2NodeClass: what the kubelet reserves and what is left. */
export interface NodeAllocatable {
  instanceType: string;
  vcpu: number;
  /** Kubelet max pods (the EC2NodeClass's, else ENI-limited). */
  kubeletMaxPods: number;
  /** What the network mode allows; a kubelet max above it leaves pods without addresses. */
  networkMaxPods: number;
  /** The smaller of the two: pods that can actually run. */
  pods: number;
  capacity: Resources;
  kubeReserved: Resources;
  systemReserved: Resources;
  evictionMemoryMiB: number;
  allocatable: Resources;
}

/** AMI families whose bootstrap reserves memory for the ENI-limited pod count (Karpenter's model). */
const eniLimitedMemoryFamilies = new Set(['al2023', 'al2']);

export function nodeAllocatable(
  type: InstanceTypeSpec,
  networking: PodNetworkingSpec,
  nodeClass: NodeClassSettings,
  vmMemoryOverheadPercent: number,
): NodeAllocatable {
  const { kubelet } = nodeClass;
  const maxPods = kubeletMaxPods(type, kubelet);
  const networkPods = networkMaxPods(type, networking);
  const memoryCapacity = nodeMemoryCapacityMiB(
    type.memoryMiB,
    type.architecture,
    vmMemoryOverheadPercent,
  );
  // nodeadm computes kube-reserved memory from the ENI-limited pod count, whatever maxPods the
  // EC2NodeClass sets; only an explicit kubeReserved.memory changes that.
  const reservationPods = eniLimitedMemoryFamilies.has(nodeClass.amiFamily)
    ? secondaryIpMaxPods(type)
    : maxPods;
  const kubeReserved = {
    cpuMillis: kubelet.kubeReservedCpuMillis ?? kubeReservedCpuMillis(type.vcpu),
    memoryMiB: kubelet.kubeReservedMemoryMiB ?? kubeReservedMemoryMiB(reservationPods),
  };
  const systemReserved = {
    cpuMillis: kubelet.systemReservedCpuMillis ?? 0,
    memoryMiB: kubelet.systemReservedMemoryMiB ?? 0,
  };
  const eviction = kubelet.evictionHardMemory;
  const evictionMemoryMiB = !eviction
    ? defaultEvictionHardMemoryMiB
    : 'mib' in eviction
      ? eviction.mib
      : Math.ceil(memoryCapacity * eviction.share);
  const capacity = { cpuMillis: type.vcpu * 1000, memoryMiB: memoryCapacity };
  return {
    instanceType: type.name,
    vcpu: type.vcpu,
    kubeletMaxPods: maxPods,
    networkMaxPods: networkPods,
    pods: Math.min(maxPods, networkPods),
    capacity,
    kubeReserved,
    systemReserved,
    evictionMemoryMiB,
    allocatable: {
      cpuMillis: capacity.cpuMillis - kubeReserved.cpuMillis - systemReserved.cpuMillis,
      memoryMiB:
        capacity.memoryMiB - kubeReserved.memoryMiB - systemReserved.memoryMiB - evictionMemoryMiB,
    },
  };
}
