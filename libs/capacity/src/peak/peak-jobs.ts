/** The peak scenario: how many jobs of which size class each CI pool must run at once. */
export interface PeakLoadInput {
  concurrentPipelines: number;
  concurrentJobsPerPipeline: number;
  sizeMix: Readonly<Record<string, number>>;
  privilegedShare: number;
  arm64Share: number;
  /** Share of the other ordinary jobs whose images are multi-arch (the multi-arch pool's). */
  multiArchShare?: number;
}

/** Which NodePool takes which jobs (the names come from libs/config ci-jobs). */
export interface PoolAssignment {
  ordinary: string;
  arm64: string;
  privileged: string;
  /** The Graviton-first pool of jobs with multi-arch images, if the cluster has one. */
  multiArch?: string;
}

export interface PoolJobs {
  pool: string;
  jobs: number;
  jobsByClass: Record<string, number>;
}

/**
 * Splits the peak into pools (privileged first, then arm64 among the ordinary jobs, then the
 * multi-arch share of the rest) and each pool's jobs into size classes. Shares round up: the plan
 * is for at least the peak.
 */
export function peakJobsPerPool(peak: PeakLoadInput, pools: PoolAssignment): PoolJobs[] {
  const total = peak.concurrentPipelines * peak.concurrentJobsPerPipeline;
  const privileged = Math.ceil(total * peak.privilegedShare);
  const ordinary = total - privileged;
  const arm64 = Math.ceil(ordinary * peak.arm64Share);
  const multiArch = pools.multiArch
    ? Math.ceil((ordinary - arm64) * (peak.multiArchShare ?? 0))
    : 0;
  const split = (pool: string, jobs: number): PoolJobs => ({
    pool,
    jobs,
    jobsByClass: Object.fromEntries(
      Object.entries(peak.sizeMix).map(([sizeClass, share]) => [
        sizeClass,
        Math.ceil(jobs * share),
      ]),
    ),
  });
  return [
    split(pools.ordinary, ordinary - arm64 - multiArch),
    split(pools.arm64, arm64),
    ...(pools.multiArch ? [split(pools.multiArch, multiArch)] : []),
    split(pools.privileged, privileged),
  ];
}

/** The size class with the largest share of the peak (ties: the first listed). */
export function mainSizeClass(peak: PeakLoadInput): string {
  return Object.entries(peak.sizeMix).reduce((best, entry) =>
    entry[1] > best[1] ? entry : best,
  )[0];
}
