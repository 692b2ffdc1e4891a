import { compareText } from '../ordering/compare-text';
import type { PodNetworkingSpec } from '@platform/config';
import { instanceTypeLabels, type InstanceTypeSpec } from '../catalog/instance-type';
import { nodeAllocatable, type NodeAllocatable, type Resources } from '../node/node-allocatable';
import type { NodeClassSettings } from '../node/node-class-settings';
import {
  daemonSetOverhead,
  type DaemonSetLoad,
  type DaemonSetOverhead,
} from '../workload/daemon-set-load';
import type { NodeShape } from '../workload/scheduling-terms';
import type { NodePoolSettings } from './node-pool-settings';

export interface ClassFit {
  sizeClass: string;
  podsPerNode: number;
  /** What runs out first. */
  limitedBy: 'cpu' | 'memory' | 'pods';
  /** Share of allocatable CPU / memory that DaemonSets and a full node of these jobs leave unused. */
  unallocatedCpuShare: number;
  unallocatedMemoryShare: number;
}

/** One instance type in one pool: allocatable, DaemonSet overhead, jobs per node by class. */
export interface TypeFit {
  type: InstanceTypeSpec;
  node: NodeAllocatable;
  daemonSets: DaemonSetOverhead;
  /** What is left for jobs. */
  room: Resources & { pods: number };
  classes: ClassFit[];
}

export function poolNodeShape(pool: NodePoolSettings, type: InstanceTypeSpec): NodeShape {
  return {
    labels: {
      ...instanceTypeLabels(type),
      ...pool.labels,
      'karpenter.sh/nodepool': pool.name,
    },
    taints: pool.taints,
  };
}

export function fitType(
  pool: NodePoolSettings,
  type: InstanceTypeSpec,
  context: {
    networking: PodNetworkingSpec;
    nodeClass: NodeClassSettings;
    daemonSets: readonly DaemonSetLoad[];
    jobRequests: Readonly<Record<string, Resources>>;
    vmMemoryOverheadPercent: number;
  },
): TypeFit {
  const node = nodeAllocatable(
    type,
    context.networking,
    context.nodeClass,
    context.vmMemoryOverheadPercent,
  );
  const daemonSets = daemonSetOverhead(context.daemonSets, poolNodeShape(pool, type));
  const room = {
    cpuMillis: node.allocatable.cpuMillis - daemonSets.cpuMillis,
    memoryMiB: node.allocatable.memoryMiB - daemonSets.memoryMiB,
    pods: node.pods - daemonSets.pods,
  };
  const classes = Object.entries(context.jobRequests).map(([sizeClass, job]): ClassFit => {
    const byResource = {
      cpu: Math.floor(room.cpuMillis / job.cpuMillis),
      memory: Math.floor(room.memoryMiB / job.memoryMiB),
      pods: room.pods,
    };
    const limitedBy = (['cpu', 'memory', 'pods'] as const).reduce((a, b) =>
      byResource[b] < byResource[a] ? b : a,
    );
    const podsPerNode = Math.max(0, byResource[limitedBy]);
    const unused = (allocatable: number, left: number, perJob: number) =>
      allocatable > 0 ? (left - podsPerNode * perJob) / allocatable : 1;
    return {
      sizeClass,
      podsPerNode,
      limitedBy,
      unallocatedCpuShare: unused(node.allocatable.cpuMillis, room.cpuMillis, job.cpuMillis),
      unallocatedMemoryShare: unused(node.allocatable.memoryMiB, room.memoryMiB, job.memoryMiB),
    };
  });
  return { type, node, daemonSets, room, classes };
}

/** A class's waste on a type: the larger of its unused CPU and memory shares. */
export function classWaste(fit: ClassFit): number {
  return Math.max(fit.unallocatedCpuShare, fit.unallocatedMemoryShare);
}

/** The types that leave the least unused for a class (only types that hold at least one job). */
export function bestTypesForClass(
  fits: readonly TypeFit[],
  sizeClass: string,
  count = 3,
): string[] {
  return fits
    .flatMap((fit) => {
      const classFit = fit.classes.find((c) => c.sizeClass === sizeClass);
      return classFit && classFit.podsPerNode > 0 ? [{ name: fit.type.name, classFit }] : [];
    })
    .sort(
      (a, b) =>
        classWaste(a.classFit) - classWaste(b.classFit) ||
        b.classFit.podsPerNode - a.classFit.podsPerNode ||
        compareText(a.name, b.name),
    )
    .slice(0, count)
    .map((entry) => entry.name);
}
