import type { Resources } from '../node/node-allocatable';
import { compareText } from '../ordering/compare-text';
import type { TypeFit } from './type-fit';

/** A pool at the peak on one instance type. */
export interface PoolPeakOnType {
  instanceType: string;
  nodes: number;
  /** Job pods on the busiest node. */
  jobsPerNode: number;
  /** What the nodes bring: the sum of their vCPU and EC2 memory (what NodePool limits count). */
  capacity: Resources;
  /** Requests of jobs and DaemonSets over the nodes' allocatable. */
  cpuUtilisation: number;
  memoryUtilisation: number;
}

interface OpenNode {
  cpuMillis: number;
  memoryMiB: number;
  pods: number;
  jobs: number;
}

/**
 * First-fit decreasing, as Karpenter packs a batch: the biggest jobs first, each into the first
 * node with room, a new node when none has. Jobs of one class are identical, so they are placed
 * a node at a time, at most `maxJobsPerNode` jobs on a node (1 on a pool that isolates each job on
 * a node of its own). Undefined when a class with jobs does not fit the type at all.
 */
export function peakOnType(
  fit: TypeFit,
  jobsByClass: Readonly<Record<string, number>>,
  jobRequests: Readonly<Record<string, Resources>>,
  maxJobsPerNode: number = Number.POSITIVE_INFINITY,
): PoolPeakOnType | undefined {
  const classes = Object.entries(jobsByClass)
    .filter(([, count]) => count > 0)
    .map(([sizeClass, count]) => ({ sizeClass, count, request: jobRequests[sizeClass] }));
  if (classes.some((c) => !c.request)) return undefined;
  const dominant = (r: Resources) =>
    Math.max(r.cpuMillis / fit.room.cpuMillis, r.memoryMiB / fit.room.memoryMiB);
  classes.sort((a, b) => dominant(b.request!) - dominant(a.request!));
  const nodes: OpenNode[] = [];
  const used = { cpuMillis: 0, memoryMiB: 0 };
  for (const { count, request } of classes) {
    const job = request!;
    const fitsIn = (node: OpenNode) =>
      Math.min(
        Math.floor(node.cpuMillis / job.cpuMillis),
        Math.floor(node.memoryMiB / job.memoryMiB),
        node.pods,
        maxJobsPerNode - node.jobs,
      );
    if (fitsIn({ ...fit.room, jobs: 0 }) <= 0) return undefined;
    let left = count;
    for (let i = 0; left > 0; i += 1) {
      const node = nodes[i] ?? { ...fit.room, jobs: 0 };
      if (i === nodes.length) nodes.push(node);
      const placed = Math.min(left, fitsIn(node));
      node.cpuMillis -= placed * job.cpuMillis;
      node.memoryMiB -= placed * job.memoryMiB;
      node.pods -= placed;
      node.jobs += placed;
      left -= placed;
    }
    used.cpuMillis += count * job.cpuMillis;
    used.memoryMiB += count * job.memoryMiB;
  }
  const count = nodes.length;
  used.cpuMillis += count * fit.daemonSets.cpuMillis;
  used.memoryMiB += count * fit.daemonSets.memoryMiB;
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return {
    instanceType: fit.type.name,
    nodes: count,
    jobsPerNode: Math.max(0, ...nodes.map((n) => n.jobs)),
    capacity: { cpuMillis: count * fit.type.vcpu * 1000, memoryMiB: count * fit.type.memoryMiB },
    cpuUtilisation: share(used.cpuMillis, count * fit.node.allocatable.cpuMillis),
    memoryUtilisation: share(used.memoryMiB, count * fit.node.allocatable.memoryMiB),
  };
}

/** Unused share of the pool's allocatable at the peak, CPU and memory averaged. */
function peakWaste(peak: PoolPeakOnType): number {
  return 1 - (peak.cpuUtilisation + peak.memoryUtilisation) / 2;
}

/** Types within this much waste of the best count as equally well used; fewer nodes wins. */
const wasteTolerance = 0.02;

/**
 * The type the plan assumes for a pool's peak: the least unused capacity for its job mix;
 * among types within two points of that, the fewest nodes (fewer launches, fewer addresses).
 */
export function choosePeakType(candidates: readonly PoolPeakOnType[]): PoolPeakOnType | undefined {
  if (candidates.length === 0) return undefined;
  const leastWaste = Math.min(...candidates.map(peakWaste));
  return candidates
    .filter((c) => peakWaste(c) <= leastWaste + wasteTolerance)
    .sort(
      (a, b) =>
        a.nodes - b.nodes ||
        peakWaste(a) - peakWaste(b) ||
        compareText(a.instanceType, b.instanceType),
    )[0];
}
