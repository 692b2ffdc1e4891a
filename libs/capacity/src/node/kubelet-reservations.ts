/**
 * Node reservations as the EKS AL2023 AMI (nodeadm) and Karpenter compute them; Karpenter packs
 * pods against exactly these numbers, so the planner must too.
 */

/** CPU kube-reserved: 6% of the first core, 1% of the second, 0.5% of cores 3–4, 0.25% above. */
const cpuReservationLadder = [
  { fromMillis: 0, toMillis: 1000, share: 0.06 },
  { fromMillis: 1000, toMillis: 2000, share: 0.01 },
  { fromMillis: 2000, toMillis: 4000, share: 0.005 },
  { fromMillis: 4000, toMillis: Number.POSITIVE_INFINITY, share: 0.0025 },
];

export function kubeReservedCpuMillis(vcpu: number): number {
  const total = vcpu * 1000;
  return cpuReservationLadder.reduce((reserved, step) => {
    if (total <= step.fromMillis) return reserved;
    const inStep = Math.min(total, step.toMillis) - step.fromMillis;
    // Each step is truncated to whole millicores, as Karpenter does.
    return reserved + Math.floor(inStep * step.share);
  }, 0);
}

/** Memory kube-reserved: 255 MiB plus 11 MiB per pod the node may run. */
export function kubeReservedMemoryMiB(maxPods: number): number {
  return 255 + 11 * maxPods;
}

/** The kubelet's default hard eviction threshold, `memory.available<100Mi`. */
export const defaultEvictionHardMemoryMiB = 100;

/** Karpenter's default `settings.vmMemoryOverheadPercent` (chart 1.14.1 values.yaml). */
export const defaultVmMemoryOverheadPercent = 0.075;

/** Graviton kernels keep 64 MiB of CMA memory that pods never get (Karpenter subtracts it). */
export const arm64ReservedMemoryMiB = 64;

/**
 * The memory Karpenter assumes the node reports: EC2's figure less the arm64 CMA area, less
 * the hypervisor overhead (rounded up to whole MiB).
 */
export function nodeMemoryCapacityMiB(
  memoryMiB: number,
  architecture: 'amd64' | 'arm64',
  vmMemoryOverheadPercent: number,
): number {
  const visible = memoryMiB - (architecture === 'arm64' ? arm64ReservedMemoryMiB : 0);
  return visible - Math.ceil(visible * vmMemoryOverheadPercent);
}
