import type { LoadProfile } from '@platform/config';
import type { Resources } from '../node/node-allocatable';
import type { PeakLoadInput, PoolAssignment } from '../peak/peak-jobs';
import type { PoolPeakOnType } from '../peak/pool-peak';
import type { PoolPlan } from '../plan/pool-plan';
import type { PriceSource } from '../pricing/on-demand-prices';

/** Nodes of one type for a load, and what they cost an hour at on-demand prices. */
export interface NodesCost {
  jobs: number;
  nodes: number;
  instanceType?: string;
  usdPerNodeHour: number;
  usdPerHour: number;
}

export interface PoolCost {
  pool: string;
  /** The peak's jobs on the peak's type. */
  peak: NodesCost;
  /** An ordinary working hour's jobs, on the peak's type. */
  typical: NodesCost;
  /** The CapacityBuffer's chunks alone (the nodes it keeps warm in working hours); `jobs` = chunks. */
  buffer: NodesCost;
  /** A multi-arch pool's jobs on its fallback architecture: the same pool without the preference. */
  withoutPreference?: { peak: NodesCost; typical: NodesCost };
}

export interface CostInput {
  clusterRegion: string;
  prices: PriceSource;
  profile: LoadProfile;
  peak: PeakLoadInput;
  pools: PoolAssignment;
  headroomPipelines: number;
  jobRequests: Readonly<Record<string, Resources>>;
}

export function nodesCost(
  load: PoolPeakOnType | undefined,
  plan: PoolPlan,
  jobs: number,
): NodesCost {
  const type = plan.fits.find((fit) => fit.type.name === load?.instanceType)?.type;
  const nodes = load?.nodes ?? 0;
  const usdPerNodeHour = type?.onDemandUsdPerHour ?? 0;
  return {
    jobs,
    nodes,
    ...(type ? { instanceType: type.name } : {}),
    usdPerNodeHour,
    usdPerHour: nodes * usdPerNodeHour,
  };
}
