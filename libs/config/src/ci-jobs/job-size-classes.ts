/**
 * CI job size classes: the CPU and memory a job's containers request, defined once. The runners
 * use them for their defaults and `*_overwrite_max_allowed` ceilings, the job namespaces for
 * their quotas and limit ranges, and the capacity planner for pods per node and the peak.
 * Quantities are Kubernetes quantities (`500m`, `2Gi`); requests equal limits for memory, so a
 * job is never OOM-killed by a neighbour's burst.
 */
export interface ContainerSize {
  cpu: string;
  memory: string;
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
    build: { cpu: '500m', memory: '1Gi' },
    helper: { cpu: '100m', memory: '128Mi' },
    service: { cpu: '250m', memory: '512Mi' },
    maxServices: 1,
  },
  medium: {
    name: 'medium',
    build: { cpu: '1', memory: '2Gi' },
    helper: { cpu: '100m', memory: '128Mi' },
    service: { cpu: '500m', memory: '1Gi' },
    maxServices: 2,
  },
  large: {
    name: 'large',
    build: { cpu: '2', memory: '6Gi' },
    helper: { cpu: '200m', memory: '256Mi' },
    service: { cpu: '1', memory: '2Gi' },
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
} as const;
