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
import type { PoolBuffer } from '../peak/warm-headroom';
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
  /** Its warm headroom (CapacityBuffer); absent when it has none. */
  buffer?: PoolBufferPlan;
  /** A multi-arch pool: the architecture it prefers (its `peak` uses only those types). */
  preferredArchitecture?: 'amd64' | 'arm64';
  /** A multi-arch pool's peak on its other architecture: the pool without its preference. */
  fallbackPeak?: PoolPeakOnType;
}

/** A pool's CapacityBuffer: the nodes it keeps warm alone, and the pool at the peak with it. */
export interface PoolBufferPlan extends Omit<PoolBuffer, 'pool'> {
  /** The buffer's chunks alone, on the least-waste type: the nodes it keeps warm. */
  alone?: PoolPeakOnType;
  /** Peak jobs and buffer chunks together on the peak's type: what limits and subnets must hold. */
  withPeak?: PoolPeakOnType;
}

/** What the pool launches at its busiest: the peak with its buffer, else the peak. */
export function busiestPeak(pool: PoolPlan): PoolPeakOnType | undefined {
  return pool.buffer?.withPeak ?? pool.peak;
}

export interface PoolPlanContext {
  catalog: readonly InstanceTypeSpec[];
  networking: PodNetworkingSpec;
  nodeClass: NodeClassSettings;
  daemonSets: readonly DaemonSetLoad[];
  jobRequests: Readonly<Record<string, Resources>>;
  vmMemoryOverheadPercent: number;
  zones: string[];
  /** Multi-arch pools and the architecture each prefers (a NodeOverlay makes Karpenter prefer it). */
  preferredArchitectures?: Readonly<Record<string, 'amd64' | 'arm64'>>;
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
  buffer?: PoolBuffer,
): PoolPlan {
  const fits = selectableTypes(pool, context.catalog).map((type) => fitType(pool, type, context));
  const preferred = context.preferredArchitectures?.[pool.name];
  const onArchitecture = (keep: (arch: string) => boolean) =>
    choosePeakType(
      fits
        .filter((fit) => keep(fit.type.architecture))
        .flatMap(
          (fit) => peakOnType(fit, jobsByClass, context.jobRequests, context.maxJobsPerNode) ?? [],
        ),
    );
  const peak = onArchitecture((arch) => !preferred || arch === preferred);
  const fallbackPeak = preferred ? onArchitecture((arch) => arch !== preferred) : undefined;
  const chosenFit = fits.find((fit) => fit.type.name === peak?.instanceType);
  const bufferPlan =
    buffer && planBuffer(buffer, fits, chosenFit, jobsByClass, context.jobRequests);
  const busiest = bufferPlan?.withPeak ?? peak;
  const podAddresses =
    busiest && chosenFit ? busiest.jobsPerNode + chosenFit.daemonSets.podNetworkPods : 0;
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
    ...(bufferPlan ? { buffer: bufferPlan } : {}),
    ...(preferred ? { preferredArchitecture: preferred } : {}),
    ...(fallbackPeak ? { fallbackPeak } : {}),
    ...(context.maxJobsPerNode !== undefined ? { maxJobsPerNode: context.maxJobsPerNode } : {}),
  };
}

function planBuffer(
  buffer: PoolBuffer,
  fits: readonly TypeFit[],
  chosenFit: TypeFit | undefined,
  jobsByClass: Readonly<Record<string, number>>,
  jobRequests: Readonly<Record<string, Resources>>,
): PoolBufferPlan {
  const sizing = {
    sizeClass: buffer.sizeClass,
    chunks: buffer.chunks,
    burstJobsByClass: buffer.burstJobsByClass,
  };
  if (buffer.chunks === 0) return sizing;
  const chunks = { [buffer.sizeClass]: buffer.chunks };
  const alone = choosePeakType(fits.flatMap((fit) => peakOnType(fit, chunks, jobRequests) ?? []));
  const together = { ...jobsByClass };
  together[buffer.sizeClass] = (together[buffer.sizeClass] ?? 0) + buffer.chunks;
  const withPeak = chosenFit && peakOnType(chosenFit, together, jobRequests);
  return { ...sizing, ...(alone ? { alone } : {}), ...(withPeak ? { withPeak } : {}) };
}

function poolZones(pool: NodePoolSettings, nodeClassZones: readonly string[]): string[] {
  const zoneRequirements = pool.requirements.filter((r) => r.key === 'topology.kubernetes.io/zone');
  return nodeClassZones.filter((zone) =>
    zoneRequirements.every((r) => requirementHolds(r, { 'topology.kubernetes.io/zone': zone })),
  );
}
