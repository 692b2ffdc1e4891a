import type { JobSizeClass } from '@platform/config';
import type { Resources } from '../node/node-allocatable';
import { jobPodEphemeralStorageMiB, jobPodRequests } from '../workload/job-pod';
import {
  peakJobsPerPool,
  type PeakLoadInput,
  type PoolAssignment,
  type PoolJobs,
} from './peak-jobs';

/** One job of a size class as the buffer sizes it: CPU, memory and ephemeral storage. */
export interface JobFootprint extends Resources {
  ephemeralStorageMiB: number;
}

/** Each size class's job pod: its requests and its ephemeral storage. */
export function jobFootprints(
  sizeClasses: Readonly<Record<string, JobSizeClass>>,
): Record<string, JobFootprint> {
  return Object.fromEntries(
    Object.entries(sizeClasses).map(([name, c]) => [
      name,
      { ...jobPodRequests(c), ephemeralStorageMiB: jobPodEphemeralStorageMiB(c) },
    ]),
  );
}

/**
 * A pool's warm headroom: `chunks` placeholder pods of its most common size class, together
 * requesting at least what `pipelines` pipelines' bursts request in this pool (CPU, memory and
 * ephemeral storage each; the largest count wins).
 */
export interface PoolBuffer {
  pool: string;
  sizeClass: string;
  chunks: number;
  /** The jobs of the bursts it stands for, by size class. */
  burstJobsByClass: Record<string, number>;
}

/** `pipelines` pipelines' jobs per pool: the peak's split with that many pipelines at once. */
export function pipelineJobsPerPool(
  peak: PeakLoadInput,
  pools: PoolAssignment,
  pipelines: number,
): PoolJobs[] {
  const jobs = Math.ceil(pipelines * peak.concurrentJobsPerPipeline);
  return peakJobsPerPool(
    { ...peak, concurrentPipelines: 1, concurrentJobsPerPipeline: jobs },
    pools,
  );
}

/** The size class with the most jobs (ties: the first listed). */
export function mostCommonClass(jobsByClass: Readonly<Record<string, number>>): string {
  return Object.entries(jobsByClass).reduce((best, entry) =>
    entry[1] > best[1] ? entry : best,
  )[0];
}

export function poolBuffers(
  peak: PeakLoadInput,
  pools: PoolAssignment,
  pipelines: number,
  footprints: Readonly<Record<string, JobFootprint>>,
): PoolBuffer[] {
  return pipelineJobsPerPool(peak, pools, pipelines).map(({ pool, jobsByClass }) => {
    const sizeClass = mostCommonClass(jobsByClass);
    const chunk = footprints[sizeClass];
    if (!chunk) throw new Error(`size class ${sizeClass} has no footprint`);
    const total = (pick: (f: JobFootprint) => number) =>
      Object.entries(jobsByClass).reduce((sum, [c, n]) => sum + n * pick(footprints[c]!), 0);
    const chunks = Math.max(
      Math.ceil(total((f) => f.cpuMillis) / chunk.cpuMillis),
      Math.ceil(total((f) => f.memoryMiB) / chunk.memoryMiB),
      Math.ceil(total((f) => f.ephemeralStorageMiB) / chunk.ephemeralStorageMiB),
    );
    return { pool, sizeClass, chunks, burstJobsByClass: jobsByClass };
  });
}
