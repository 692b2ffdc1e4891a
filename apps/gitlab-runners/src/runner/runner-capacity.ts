import {
  defaultJobSizeClass,
  jobSizeClasses,
  peakLoad,
  type ContainerSize,
  type JobSizeClass,
  type JobSizeClassName,
} from '@platform/config';
import type { RunnerDefinition } from './runner-definition';
import { cpuMillicores, formatCores, formatMemoryGi, memoryBytes } from './quantity';

/** Two managers per runner: one survives a node loss or a rollout while the other restarts. */
export const managerReplicas = 2;

/**
 * Timing choices, each with its reason. Everything else derives from the shared facts in
 * libs/config/src/ci-jobs (size classes, peak).
 */
export const runnerTiming = {
  /** GitLab's own default; lower values multiply API requests from every manager. */
  checkIntervalSeconds: 3,
  /**
   * A job pod may wait for Karpenter to launch and join a node (a minute or two, several when
   * spot capacity is short and it falls back to other types) before its images are pulled.
   */
  nodeProvisioningBudgetSeconds: 600,
  imagePullBudgetSeconds: 300,
  /** How often the manager checks a starting job pod (GitLab's default). */
  podPollIntervalSeconds: 3,
  /** One pipeline's burst of jobs should be picked up within this many seconds. */
  burstPickupSeconds: 15,
} as const;

/** Quotas sit above the expected size mix: a peak heavier in large jobs must not fail on quota. */
export const quotaHeadroom = 1.5;

/** Every job of the platform's peak: concurrent pipelines × jobs that start at once per pipeline. */
export function platformPeakJobs(): number {
  return peakLoad.concurrentPipelines * peakLoad.concurrentJobsPerPipeline;
}

export interface RunnerCapacity {
  /** Jobs this runner must run at once at the peak, all managers together. */
  peakJobs: number;
  /** config.toml `concurrent`: the runner's peak, the ceiling of each manager process. */
  concurrent: number;
  /** `[[runners]] limit`: each manager's share, so managers × limit = the runner's peak. */
  limit: number;
  requestConcurrency: number;
  checkInterval: number;
  pollTimeout: number;
}

export function runnerCapacity(runner: RunnerDefinition): RunnerCapacity {
  if (!(runner.peakShare > 0 && runner.peakShare <= 1))
    throw new Error(`runner ${runner.name}: peakShare ${runner.peakShare} is not in (0, 1]`);
  const peakJobs = Math.ceil(platformPeakJobs() * runner.peakShare);
  const burst = Math.ceil(peakLoad.concurrentJobsPerPipeline * runner.peakShare);
  const pickupRounds = runnerTiming.burstPickupSeconds / runnerTiming.checkIntervalSeconds;
  return {
    peakJobs,
    concurrent: peakJobs,
    limit: Math.ceil(peakJobs / managerReplicas),
    requestConcurrency: Math.ceil(burst / managerReplicas / pickupRounds),
    checkInterval: runnerTiming.checkIntervalSeconds,
    pollTimeout: runnerTiming.nodeProvisioningBudgetSeconds + runnerTiming.imagePullBudgetSeconds,
  };
}

export interface Footprint {
  millicores: number;
  bytes: number;
  ephemeralStorageBytes: number;
}

/** A job pod of a class at its largest: build, helper and every service it may start. */
export function jobFootprint(size: JobSizeClass): Footprint {
  const containers: ContainerSize[] = [
    size.build,
    size.helper,
    ...Array.from({ length: size.maxServices }, () => size.service),
  ];
  return {
    millicores: containers.reduce((sum, c) => sum + cpuMillicores(c.cpu), 0),
    bytes: containers.reduce((sum, c) => sum + memoryBytes(c.memory), 0),
    ephemeralStorageBytes: containers.reduce((sum, c) => sum + memoryBytes(c.ephemeralStorage), 0),
  };
}

/** Requests of the runner's peak in the peak's size mix, with headroom: the job namespace quota. */
export function jobNamespaceQuota(runner: RunnerDefinition): Record<string, string> {
  const { peakJobs } = runnerCapacity(runner);
  let millicores = 0;
  let bytes = 0;
  let storage = 0;
  for (const [name, share] of Object.entries(peakLoad.sizeMix)) {
    const footprint = jobFootprint(jobSizeClasses[name as JobSizeClassName]);
    millicores += footprint.millicores * share * peakJobs;
    bytes += footprint.bytes * share * peakJobs;
    storage += footprint.ephemeralStorageBytes * share * peakJobs;
  }
  const memory = formatMemoryGi(bytes * quotaHeadroom);
  const ephemeralStorage = formatMemoryGi(storage * quotaHeadroom);
  return {
    pods: String(Math.ceil(peakJobs * quotaHeadroom)),
    'requests.cpu': formatCores(millicores * quotaHeadroom),
    'requests.memory': memory,
    // Memory and ephemeral-storage limits equal requests in every size class.
    'limits.memory': memory,
    'requests.ephemeral-storage': ephemeralStorage,
    'limits.ephemeral-storage': ephemeralStorage,
  };
}

export const defaultSize: JobSizeClass = jobSizeClasses[defaultJobSizeClass];

/** The largest size of each container kind across the classes: the overwrite ceilings. */
export function largestSize(): Pick<JobSizeClass, 'build' | 'helper' | 'service'> {
  const classes: JobSizeClass[] = Object.values(jobSizeClasses);
  const largest = (pick: (c: JobSizeClass) => ContainerSize): ContainerSize => {
    const sizes = classes.map(pick);
    const most = (value: (size: ContainerSize) => number) =>
      sizes.reduce((a, b) => (value(b) > value(a) ? b : a));
    return {
      cpu: most((size) => cpuMillicores(size.cpu)).cpu,
      memory: most((size) => memoryBytes(size.memory)).memory,
      ephemeralStorage: most((size) => memoryBytes(size.ephemeralStorage)).ephemeralStorage,
    };
  };
  return {
    build: largest((c) => c.build),
    helper: largest((c) => c.helper),
    service: largest((c) => c.service),
  };
}
