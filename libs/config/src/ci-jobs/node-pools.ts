import type { ClusterSpec } from '../inventory-types';
import { namespaces } from '../namespaces';

/**
 * The identity of the CI cluster's Karpenter node pools: names, the label that selects them and
 * the taints that keep everything else off them. Karpenter renders its NodePools from this; the
 * runners schedule job pods with it; the node agents derive their tolerations from it. Sizing
 * (instance families, limits, disruption) belongs to the NodePools in apps/karpenter.
 */
export interface NodeTaint {
  key: string;
  value: string;
  effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
}

/**
 * How a pool keeps jobs apart. `shared`: jobs of every project pack onto a node (they cannot
 * leave their containers). `one-job-per-node`: a job that can take its node (a privileged,
 * Docker-in-Docker job is root on it) never shares it with another job, and the node takes new
 * jobs only for `takesJobsFor` after it starts, then drains and goes: the runner schedules its
 * job pods with required anti-affinity on the hostname, Karpenter expires the node after that
 * window and removes it as soon as it is empty, and the capacity planner packs one job per node.
 */
export type JobIsolation =
  | { mode: 'shared' }
  | {
      mode: 'one-job-per-node';
      /** Karpenter duration (`10m`): long enough for a node to boot and take its first job. */
      takesJobsFor: string;
    };

export interface CiNodePool {
  /** NodePool name; Karpenter labels its nodes `karpenter.sh/nodepool=<name>`. */
  name: string;
  /** The architecture of its nodes; for a multi-arch pool, the one it prefers. */
  architecture: 'amd64' | 'arm64';
  /**
   * A multi-arch pool also launches this architecture when the preferred one cannot be had; its
   * jobs' images run on both (they declare it with `multiArchJobs.tag`).
   */
  fallbackArchitecture?: 'amd64' | 'arm64';
  /** Only pods that tolerate every taint (job pods of the right runner, node agents) land here. */
  taints: NodeTaint[];
  /** The namespace of the job pods that land here (and of the pool's warm-headroom buffer). */
  jobNamespace: string;
  jobIsolation: JobIsolation;
}

/** The label Karpenter sets on every node it launches, naming its NodePool. */
export const nodePoolLabel = 'karpenter.sh/nodepool';

const jobsTaint: NodeTaint = { key: 'ci.platform/jobs', value: 'restricted', effect: 'NoSchedule' };
const privilegedJobsTaint: NodeTaint = {
  key: 'ci.platform/jobs',
  value: 'privileged',
  effect: 'NoSchedule',
};

export const ciNodePools = {
  /** Ordinary jobs on amd64: spot first, on-demand when spot is short. */
  ciJobs: {
    name: 'ci-jobs',
    architecture: 'amd64',
    taints: [jobsTaint],
    jobNamespace: namespaces.ciJobs,
    jobIsolation: { mode: 'shared' },
  },
  /** Ordinary jobs on Graviton. */
  ciJobsArm64: {
    name: 'ci-jobs-arm64',
    architecture: 'arm64',
    taints: [jobsTaint],
    jobNamespace: namespaces.ciJobs,
    jobIsolation: { mode: 'shared' },
  },
  /**
   * Ordinary jobs whose images are multi-arch: Graviton first (a NodeOverlay lowers the price
   * Karpenter assumes for its Graviton types), amd64 when Graviton cannot launch.
   */
  ciJobsMultiArch: {
    name: 'ci-jobs-multiarch',
    architecture: 'arm64',
    fallbackArchitecture: 'amd64',
    taints: [jobsTaint],
    jobNamespace: namespaces.ciJobsMultiArch,
    jobIsolation: { mode: 'shared' },
  },
  /**
   * Privileged (Docker-in-Docker) jobs only: a container escape lands on a node of its own kind,
   * which holds that one job and lives for one job window.
   */
  ciPrivileged: {
    name: 'ci-privileged',
    architecture: 'amd64',
    taints: [privilegedJobsTaint],
    jobNamespace: namespaces.ciJobsPrivileged,
    jobIsolation: { mode: 'one-job-per-node', takesJobsFor: '10m' },
  },
} as const satisfies Record<string, CiNodePool>;

export const allCiNodePools: readonly CiNodePool[] = Object.values(ciNodePools);

/** A pool's architectures: its own, then its fallback. */
export function poolArchitectures(pool: CiNodePool): ('amd64' | 'arm64')[] {
  return pool.fallbackArchitecture
    ? [pool.architecture, pool.fallbackArchitecture]
    : [pool.architecture];
}

/**
 * Jobs whose images run on amd64 and arm64 declare it with this GitLab job tag; only they may use
 * the multi-arch pool. `peakLoad.multiArchShare` says how many of the ordinary jobs do.
 */
export const multiArchJobs = { tag: 'multi-arch', pool: ciNodePools.ciJobsMultiArch } as const;

/**
 * Whether a cluster runs the runner that takes `multiArchJobs.tag`: only where the inventory
 * says the multi-platform helper image exists (`gitlabRunners.multiArchHelperImage`).
 */
export function routesMultiArchJobs(cluster: ClusterSpec): boolean {
  return cluster.gitlabRunners?.multiArchHelperImage === 'ecr';
}

/** The namespaces job pods run in, each once, in pool order. */
export const ciJobNamespaces: readonly string[] = [
  ...new Set(allCiNodePools.map((pool) => pool.jobNamespace)),
];
