import type { PodNetworkingSpec } from '@platform/config';
import {
  instanceTypeLabelKeys,
  instanceTypeLabels,
  type InstanceTypeSpec,
} from '../catalog/instance-type';
import { nodeAddresses, type NodeAddresses } from '../network/node-addresses';
import type { Resources } from '../node/node-allocatable';
import type { NodeClassSettings } from '../node/node-class-settings';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import { choosePeakType, peakOnType, type PoolPeakOnType } from '../peak/pool-peak';
import { bestTypesForClass, fitType, type TypeFit } from '../peak/type-fit';
import type { DaemonSetLoad } from '../workload/daemon-set-load';
import { requirementHolds } from '../workload/scheduling-terms';

/** One NodePool at the peak. */
export interface PoolPlan {
  name: string;
  file: string;
  nodeClass: string;
  /** Catalog types its requirements select. */
  fits: TypeFit[];
  jobs: number;
  jobsByClass: Record<string, number>;
  bestTypesByClass: Record<string, string[]>;
  /** The chosen type and node count; absent when some class fits no selectable type. */
  peak?: PoolPeakOnType;
  /** Addresses one peak node holds. */
  nodeAddresses?: NodeAddresses;
  limits: NodePoolSettings['limits'];
  zones: string[];
  /** Set on a pool that runs at most this many jobs per node (1: one job per node). */
  maxJobsPerNode?: number;
}

export interface PoolPlanContext {
  catalog: readonly InstanceTypeSpec[];
  networking: PodNetworkingSpec;
  nodeClass: NodeClassSettings;
  daemonSets: readonly DaemonSetLoad[];
  jobRequests: Readonly<Record<string, Resources>>;
  vmMemoryOverheadPercent: number;
  zones: string[];
  /** The pool's jobs never share a node beyond this many (libs/config `jobIsolation`). */
  maxJobsPerNode?: number;
}

/** Catalog types a NodePool's requirements allow (requirements on zones or capacity types aside). */
export function selectableTypes(
  pool: Pick<NodePoolSettings, 'requirements'>,
  catalog: readonly InstanceTypeSpec[],
): InstanceTypeSpec[] {
  const typeRequirements = pool.requirements.filter((r) => instanceTypeLabelKeys.has(r.key));
  return catalog.filter((type) =>
    typeRequirements.every((r) => requirementHolds(r, instanceTypeLabels(type))),
  );
}

export function planPool(
  pool: NodePoolSettings,
  jobsByClass: Record<string, number>,
  context: PoolPlanContext,
): PoolPlan {
  const fits = selectableTypes(pool, context.catalog).map((type) => fitType(pool, type, context));
  const candidates = fits.flatMap((fit) => {
    const peak = peakOnType(fit, jobsByClass, context.jobRequests, context.maxJobsPerNode);
    return peak ? [peak] : [];
  });
  const peak = choosePeakType(candidates);
  const chosenFit = fits.find((fit) => fit.type.name === peak?.instanceType);
  const podAddresses =
    peak && chosenFit ? peak.jobsPerNode + chosenFit.daemonSets.podNetworkPods : 0;
  return {
    name: pool.name,
    file: pool.file,
    nodeClass: pool.nodeClassName,
    fits,
    jobs: Object.values(jobsByClass).reduce((sum, n) => sum + n, 0),
    jobsByClass,
    bestTypesByClass: Object.fromEntries(
      Object.keys(context.jobRequests).map((c) => [c, bestTypesForClass(fits, c)]),
    ),
    peak,
    nodeAddresses: chosenFit
      ? nodeAddresses(chosenFit.type, context.networking, podAddresses)
      : undefined,
    limits: pool.limits,
    zones: poolZones(pool, context.zones),
    ...(context.maxJobsPerNode !== undefined ? { maxJobsPerNode: context.maxJobsPerNode } : {}),
  };
}

function poolZones(pool: NodePoolSettings, nodeClassZones: readonly string[]): string[] {
  const zoneRequirements = pool.requirements.filter((r) => r.key === 'topology.kubernetes.io/zone');
  return nodeClassZones.filter((zone) =>
    zoneRequirements.every((r) => requirementHolds(r, { 'topology.kubernetes.io/zone': zone })),
  );
}
