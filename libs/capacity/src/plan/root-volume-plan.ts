import type { EvictionThreshold, NodeClassSettings } from '../node/node-class-settings';
import {
  neededRootVolumeMiB,
  rootVolumeReservations,
  type NodeDiskLoad,
  type RootVolumeReservations,
} from '../node/root-volume';
import { compareText } from '../ordering/compare-text';
import type { CapacityFinding } from './capacity-finding';
import type { PoolPlan } from './pool-plan';

/** What a CI node's disk holds besides its job pods' storage (libs/config `jobNodeDisk`). */
export interface NodeDiskInput {
  imagesPerJobMiB: number;
  systemMiB: number;
}

/** One node full of one size class's jobs, on one type a pool may launch. */
export interface NodeDiskCandidate {
  pool: string;
  instanceType: string;
  sizeClass: string;
  jobs: number;
  load: NodeDiskLoad;
}

/** An EC2NodeClass's root volume against the node of its pools that puts the most on it. */
export interface RootVolumePlan {
  nodeClass: string;
  file: string;
  reservations: RootVolumeReservations;
  /** The node that needs the largest volume; absent when no pool of the class holds a job. */
  worst?: NodeDiskCandidate;
  /** The most jobs any of its nodes runs (whose images the system reserve should cover). */
  maxJobsPerNode: number;
  neededMiB: number;
  volume?: NodeClassSettings['rootVolume'];
}

/**
 * Every node a class's pools may launch, full of each size class in turn: every type their
 * requirements select (Karpenter may launch any of them), not only the one the peak plan chose.
 */
export function nodeDiskCandidates(
  pools: readonly PoolPlan[],
  nodeClass: string,
  jobEphemeralMiB: Readonly<Record<string, number>>,
  disk: NodeDiskInput,
): NodeDiskCandidate[] {
  return pools
    .filter((pool) => pool.nodeClass === nodeClass)
    .flatMap((pool) =>
      pool.fits.flatMap((fit) =>
        fit.classes
          .filter((c) => c.podsPerNode > 0 && jobEphemeralMiB[c.sizeClass] !== undefined)
          .map((c) => {
            // A pool that isolates jobs runs no more than its limit per node, however large.
            const jobs = Math.min(c.podsPerNode, pool.maxJobsPerNode ?? Number.POSITIVE_INFINITY);
            return {
              pool: pool.name,
              instanceType: fit.type.name,
              sizeClass: c.sizeClass,
              jobs,
              load: {
                jobStorageMiB: jobs * jobEphemeralMiB[c.sizeClass]!,
                imagesMiB: jobs * disk.imagesPerJobMiB,
                systemMiB: disk.systemMiB,
              },
            };
          }),
      ),
    );
}

export function planRootVolume(
  nodeClass: NodeClassSettings,
  candidates: readonly NodeDiskCandidate[],
): RootVolumePlan {
  const reservations = rootVolumeReservations(nodeClass);
  const needed = (c: NodeDiskCandidate) => neededRootVolumeMiB(c.load, reservations);
  const [worst] = [...candidates].sort(
    (a, b) =>
      needed(b) - needed(a) ||
      compareText(a.pool, b.pool) ||
      compareText(a.instanceType, b.instanceType),
  );
  return {
    nodeClass: nodeClass.name,
    file: nodeClass.file,
    reservations,
    worst,
    maxJobsPerNode: Math.max(0, ...candidates.map((c) => c.jobs)),
    neededMiB: worst ? needed(worst) : 0,
    volume: nodeClass.rootVolume,
  };
}

/**
 * The disk settings a CI EC2NodeClass renders with: a system reserve for the images of its
 * busiest node's jobs and the system (so no mix of jobs can leave them without room), and the
 * root volume, in whole 10 GiB, on which every node's jobs then fit.
 */
export function rootDiskSettings(
  nodeClass: NodeClassSettings,
  candidates: readonly NodeDiskCandidate[],
  disk: NodeDiskInput,
): { volumeGi: number; systemReservedGi: number } {
  const maxJobs = Math.max(0, ...candidates.map((c) => c.jobs));
  const systemReservedGi = Math.ceil((maxJobs * disk.imagesPerJobMiB + disk.systemMiB) / 1024);
  const reserved: NodeClassSettings = {
    ...nodeClass,
    kubelet: { ...nodeClass.kubelet, systemReservedEphemeralMiB: systemReservedGi * 1024 },
  };
  const { neededMiB } = planRootVolume(reserved, candidates);
  return { volumeGi: Math.ceil(neededMiB / 1024 / 10) * 10, systemReservedGi };
}

/** Disk sizes in whole GiB, rounded up: volumes are sized in GiB. */
export const formatDisk = (mib: number) => `${Math.ceil(mib / 1024)}Gi`;

const formatThreshold = (t: EvictionThreshold) =>
  'share' in t ? `${Math.round(t.share * 100)}%` : formatDisk(t.mib);

export function formatEviction(reservations: RootVolumeReservations): string {
  return reservations.evictionThresholds.map(formatThreshold).join(' and ');
}

export function rootVolumeFindings(plan: RootVolumePlan, disk: NodeDiskInput): CapacityFinding[] {
  const at = { subject: `EC2NodeClass ${plan.nodeClass}`, file: plan.file };
  const { worst, volume, reservations } = plan;
  if (!worst) return [];
  if (!volume)
    return [
      {
        severity: 'error',
        ...at,
        message:
          'spec.blockDeviceMappings has no entry with rootVolume: true, so the job pods’ ephemeral storage cannot be checked against it',
      },
    ];
  const findings: CapacityFinding[] = [];
  if (volume.sizeMiB < plan.neededMiB) {
    const { load } = worst;
    findings.push({
      severity: 'error',
      ...at,
      message: `${volume.path} ${formatDisk(volume.sizeMiB)} is too small for ${worst.jobs} ${worst.sizeClass} jobs on a ${worst.instanceType} (NodePool ${worst.pool}): their ${formatDisk(load.jobStorageMiB)} of ephemeral storage, ${formatDisk(load.imagesMiB)} of images and the system's ${formatDisk(load.systemMiB)}, with kube-reserved ${formatDisk(reservations.kubeReservedMiB)}, system-reserved ${formatDisk(reservations.systemReservedMiB)} and eviction below ${formatEviction(reservations)} free, need ${formatDisk(plan.neededMiB)} (short by ${formatDisk(plan.neededMiB - volume.sizeMiB)})`,
    });
  }
  const unreserved = plan.maxJobsPerNode * disk.imagesPerJobMiB + disk.systemMiB;
  if (reservations.systemReservedMiB < unreserved)
    findings.push({
      severity: 'warning',
      ...at,
      message: `spec.kubelet.systemReserved.ephemeral-storage ${formatDisk(reservations.systemReservedMiB)} does not cover the images of ${plan.maxJobsPerNode} jobs and the system (${formatDisk(unreserved)}): jobs that ask for much storage and little CPU can fill the allocatable ephemeral storage and leave those no room above the eviction threshold`,
    });
  return findings;
}
