import type { EvictionThreshold, NodeClassSettings } from './node-class-settings';

/**
 * The root volume of a node as the kubelet sees it, with the settings nodeadm (EKS AL2023) writes
 * when the EC2NodeClass leaves them out: `kubeReserved.ephemeral-storage: 1Gi` and `evictionHard`
 * `nodefs.available<10%` (with no `imagefs.available`: a kubelet given some thresholds sets the
 * unlisted ones to zero). One volume holds the kubelet's root dir and containerd's images, so both
 * filesystem signals watch the same disk and the larger threshold binds.
 */
export const nodeadmKubeReservedEphemeralMiB = 1024;
export const nodeadmEvictionHardNodefs: EvictionThreshold = { share: 0.1 };

export interface RootVolumeReservations {
  kubeReservedMiB: number;
  systemReservedMiB: number;
  /** Every disk threshold in force (nodefs, imagefs). */
  evictionThresholds: EvictionThreshold[];
}

export function rootVolumeReservations(nodeClass: NodeClassSettings): RootVolumeReservations {
  const { kubelet } = nodeClass;
  return {
    kubeReservedMiB: kubelet.kubeReservedEphemeralMiB ?? nodeadmKubeReservedEphemeralMiB,
    systemReservedMiB: kubelet.systemReservedEphemeralMiB ?? 0,
    evictionThresholds: [
      kubelet.evictionHardNodefs ?? nodeadmEvictionHardNodefs,
      ...(kubelet.evictionHardImagefs ? [kubelet.evictionHardImagefs] : []),
    ],
  };
}

/** The threshold's size on a volume of `volumeMiB`. */
function thresholdMiB(threshold: EvictionThreshold, volumeMiB: number): number {
  return 'share' in threshold ? volumeMiB * threshold.share : threshold.mib;
}

/** What the kubelet lets pods request: capacity less reservations and the eviction threshold. */
export function allocatableEphemeralMiB(
  volumeMiB: number,
  reservations: RootVolumeReservations,
): number {
  const eviction = Math.max(
    0,
    ...reservations.evictionThresholds.map((t) => thresholdMiB(t, volumeMiB)),
  );
  return volumeMiB - reservations.kubeReservedMiB - reservations.systemReservedMiB - eviction;
}

/** The smallest volume (MiB) whose space above every eviction threshold holds `usedMiB`. */
export function volumeAboveEviction(usedMiB: number, thresholds: readonly EvictionThreshold[]) {
  return Math.max(
    usedMiB,
    ...thresholds.map((t) => ('share' in t ? usedMiB / (1 - t.share) : usedMiB + t.mib)),
  );
}

/** What one node full of jobs puts on its root volume. */
export interface NodeDiskLoad {
  /** Job pods' ephemeral-storage limits (= requests): what the scheduler counts. */
  jobStorageMiB: number;
  /** Their images, and the system's own files: on the disk, but in no pod's request. */
  imagesMiB: number;
  systemMiB: number;
}

/**
 * The smallest root volume for a node under a load: its jobs' storage must fit the allocatable
 * ephemeral storage (or the scheduler places fewer jobs than planned), and everything on the disk
 * must stay below the eviction threshold (or the kubelet reports DiskPressure and evicts pods,
 * `karpenter.sh/do-not-disrupt` or not).
 */
export function neededRootVolumeMiB(load: NodeDiskLoad, reservations: RootVolumeReservations) {
  const scheduled =
    load.jobStorageMiB + reservations.kubeReservedMiB + reservations.systemReservedMiB;
  const onDisk = load.jobStorageMiB + load.imagesMiB + load.systemMiB;
  return Math.max(
    volumeAboveEviction(scheduled, reservations.evictionThresholds),
    volumeAboveEviction(onDisk, reservations.evictionThresholds),
  );
}
