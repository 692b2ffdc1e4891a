import type { ClusterSpec } from '../inventory-types';
import { routesMultiArchJobs } from './node-pools';

/**
 * CI job size classes: the CPU, memory and ephemeral storage a job's containers request, defined
 * once. The runners use them for their defaults and `*_overwrite_max_allowed` ceilings, the job
 * namespaces for their quotas and limit ranges, and the capacity planner for pods per node, the
 * peak and the nodes' root volumes. Quantities are Kubernetes quantities (`500m`, `2Gi`); requests
 * equal limits for memory, so a job is never OOM-killed by a neighbour's burst, and for ephemeral
 * storage, so the scheduler never places more storage limits on a node than it has (a pod over its
 * limit is evicted alone; a node under DiskPressure evicts whatever it likes, `do-not-disrupt` or
 * not).
 */
export interface ContainerSize {
  cpu: string;
  memory: string;
  /**
   * The container's writable layer and logs; for the pod as a whole, its emptyDir volumes too (the
   * build directory, the cache and artifact archives, a Docker-in-Docker service's image store).
   * Request and limit both.
   */
  ephemeralStorage: string;
}

export interface JobSizeClass {
  name: string;
  /** The job's main container (the script). */
  build: ContainerSize;
  /** The runner's helper container (clone, artifacts, cache). */
  helper: ContainerSize;
  /** Each service container (`services:` in .gitlab-ci.yml), at most `maxServices` of them. */
  service: ContainerSize;
  maxServices: number;
}

export const jobSizeClasses = {
  small: {
    name: 'small',
    build: { cpu: '500m', memory: '1Gi', ephemeralStorage: '6Gi' },
    helper: { cpu: '100m', memory: '128Mi', ephemeralStorage: '1Gi' },
    service: { cpu: '250m', memory: '512Mi', ephemeralStorage: '2Gi' },
    maxServices: 1,
  },
  medium: {
    name: 'medium',
    build: { cpu: '1', memory: '2Gi', ephemeralStorage: '12Gi' },
    helper: { cpu: '100m', memory: '128Mi', ephemeralStorage: '1Gi' },
    service: { cpu: '500m', memory: '1Gi', ephemeralStorage: '4Gi' },
    maxServices: 2,
  },
  large: {
    name: 'large',
    build: { cpu: '2', memory: '6Gi', ephemeralStorage: '24Gi' },
    helper: { cpu: '200m', memory: '256Mi', ephemeralStorage: '2Gi' },
    // Large enough for a Docker-in-Docker service's image store (privileged image builds).
    service: { cpu: '1', memory: '2Gi', ephemeralStorage: '12Gi' },
    maxServices: 2,
  },
} as const satisfies Record<string, JobSizeClass>;

export type JobSizeClassName = keyof typeof jobSizeClasses;

/** The class a job gets when it asks for none: the runners' defaults. */
export const defaultJobSizeClass: JobSizeClassName = 'medium';

/**
 * The peak the platform is sized for: concurrent merge-request pipelines, the jobs of one pipeline
 * that run at once, and the share of each size class among them.
 */
export const peakLoad = {
  concurrentPipelines: 6,
  concurrentJobsPerPipeline: 170,
  sizeMix: { small: 0.5, medium: 0.4, large: 0.1 } satisfies Record<JobSizeClassName, number>,
  /** Share of peak jobs that need the privileged runner (Docker-in-Docker builds). */
  privilegedShare: 0.1,
  /** Share of ordinary jobs that run on Graviton (arm64). */
  arm64Share: 0.3,
  /**
   * Share of the other ordinary jobs (those that would run on amd64) whose images are multi-arch
   * and say so with the job tag `multi-arch`: the multi-arch runner sends them to the Graviton-first
   * pool. A fifth: a modest start, since a project must build and push its images for both
   * architectures before it may tag its jobs; raise it as projects adopt the tag (the planner's
   * figures in apps/karpenter/README.md show what each share is worth). Only on clusters whose
   * inventory has the multi-arch runner's helper image (`clusterPeakLoad`); zero elsewhere.
   */
  multiArchShare: 0.2,
} as const;

/** The peak's inputs; a cluster's own may differ from `peakLoad` in its multi-arch share. */
export type PeakLoad = Omit<typeof peakLoad, 'multiArchShare'> & { multiArchShare: number };

/**
 * The peak one cluster plans for: the multi-arch share only where a runner takes the
 * `multi-arch` tag (the inventory's `gitlabRunners.multiArchHelperImage`), since nothing else
 * sends jobs to the multi-arch pool.
 */
export function clusterPeakLoad(cluster: ClusterSpec): PeakLoad {
  return {
    ...peakLoad,
    multiArchShare: routesMultiArchJobs(cluster) ? peakLoad.multiArchShare : 0,
  };
}

/**
 * The share of all peak jobs that are multi-arch: after the privileged share, among the ordinary
 * jobs that are not arm64 (the split libs/capacity plans, `peakJobsPerPool`).
 */
export function multiArchJobShare(peak: PeakLoad = peakLoad): number {
  return (1 - peak.privilegedShare) * (1 - peak.arm64Share) * peak.multiArchShare;
}
