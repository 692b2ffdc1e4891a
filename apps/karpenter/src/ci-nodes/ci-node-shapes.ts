import { ciNodePools, type CiNodePool, type NodeIdentity } from '@platform/config';

/**
 * How each CI NodePool is shaped: which instance types, which capacity, which EC2NodeClass.
 * Names, architectures and taints come from libs/config (ciNodePools); sizing lives here.
 * Every family listed must be in the capacity catalog (libs/capacity); a test proves it.
 */
export interface NodePoolShape {
  pool: CiNodePool;
  nodeClass: string;
  /** Spot first (Karpenter prefers it), on-demand when spot is short. */
  capacityTypes: readonly ('spot' | 'on-demand')[];
  categories: readonly string[];
  families: readonly string[];
  /** 2xlarge and up: a burst of ~1,000 jobs wants few, large nodes (fewer launches, fewer ENIs). */
  sizes: readonly string[];
  /** Instance generations above this one. */
  generationAbove: number;
}

export interface NodeClassShape {
  name: string;
  /** The node IAM role and security group its nodes get (libs/config aws-names). */
  identity: NodeIdentity;
}

/**
 * The CI EC2NodeClasses. Their root gp3 volume (image layers, the job pods' ephemeral storage,
 * a Docker-in-Docker service's image store) and its system reserve are sized by the capacity
 * planner from the size classes' ephemeral storage and the most jobs a node runs (root-disk.ts).
 */
export const ciNodeClasses = {
  jobs: { name: 'ci-jobs', identity: 'shared' },
  // Its jobs are root on the node: a role and security group of its own.
  privileged: { name: 'ci-privileged', identity: 'privileged' },
} as const satisfies Record<string, NodeClassShape>;

const sizes = ['2xlarge', '4xlarge', '8xlarge'] as const;

export const nodePoolShapes: readonly NodePoolShape[] = [
  {
    pool: ciNodePools.ciJobs,
    nodeClass: ciNodeClasses.jobs.name,
    capacityTypes: ['spot', 'on-demand'],
    categories: ['c', 'm', 'r'],
    families: ['c6i', 'c7i', 'm6i', 'm7i', 'r6i', 'r7i'],
    sizes,
    generationAbove: 5,
  },
  {
    pool: ciNodePools.ciJobsArm64,
    nodeClass: ciNodeClasses.jobs.name,
    capacityTypes: ['spot', 'on-demand'],
    categories: ['c', 'm', 'r'],
    families: ['c7g', 'm7g', 'r7g'],
    sizes,
    generationAbove: 6,
  },
  {
    // Graviton first (the graviton-first NodeOverlay), the ci-jobs families when it cannot launch.
    pool: ciNodePools.ciJobsMultiArch,
    nodeClass: ciNodeClasses.jobs.name,
    capacityTypes: ['spot', 'on-demand'],
    categories: ['c', 'm', 'r'],
    families: ['c7g', 'm7g', 'r7g', 'c6i', 'c7i', 'm6i', 'm7i', 'r6i', 'r7i'],
    sizes,
    generationAbove: 5,
  },
  {
    pool: ciNodePools.ciPrivileged,
    nodeClass: ciNodeClasses.privileged.name,
    // Image builds that push at the end lose the whole build on a spot interruption.
    capacityTypes: ['on-demand'],
    categories: ['c', 'm'],
    families: ['c6i', 'c7i', 'm6i', 'm7i'],
    // One job per node: Karpenter launches the cheapest size that holds that one job, so the
    // sizes run from one that holds a small job to one that holds the largest class.
    sizes: ['large', 'xlarge', '2xlarge'],
    generationAbove: 5,
  },
];

/**
 * The EKS-optimised Amazon Linux 2023 release every CI node boots, pinned: `@latest` would
 * drift (and replace) every node on each weekly AMI release. Bump it deliberately; the change
 * rolls nodes within the disruption budgets below.
 */
export const ciAmiAlias = 'al2023@v20260818';

/**
 * Disruption for bursty CI: empty nodes go five minutes after their last job (back to zero
 * when idle); busy nodes are never consolidated (`WhenEmpty`), and replacing drifted nodes waits
 * for the end of the load profile's working hours (libs/config; see node-pool-manifest.ts).
 */
export const ciDisruption = {
  consolidateAfter: '5m',
  /** Outside working hours, a tenth of the nodes at a time. */
  offHoursNodes: '10%',
  /** A week: AMI and kernel patches reach every node at least weekly. */
  expireAfter: '168h',
  /** Drain deadline, at least the longest job timeout (3h), so expiry never kills a job. */
  terminationGracePeriod: '3h',
} as const;

/** NodePool limits are the planned peak plus this much, for DaemonSets and type choices to come. */
export const limitHeadroom = 1.5;
