import type { LoadProfile } from '@platform/config';
import type { Resources } from '../node/node-allocatable';
import type { PeakLoadInput, PoolAssignment } from '../peak/peak-jobs';
import { choosePeakType, peakOnType, type PoolPeakOnType } from '../peak/pool-peak';
import { pipelineJobsPerPool } from '../peak/warm-headroom';
import type { PoolPlan } from '../plan/pool-plan';
import type { PriceSource } from '../pricing/on-demand-prices';
import { workingDayHours, type WorkingDayHours } from './load-hours';

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

/**
 * Graviton first, per working day: the multi-arch pools with their preference and without it,
 * and what the ordinary amd64 pool's jobs would cost on the multi-arch pool's preferred types.
 */
export interface ArchitecturePreferenceCost {
  pools: string[];
  usdPerWorkingDay: { with: number; without: number };
  /** The ordinary pool's load on the preferred architecture: `with` there, `without` as today. */
  ordinaryWhatIf?: {
    pool: string;
    peak: NodesCost;
    typical: NodesCost;
    usdPerWorkingDay: { with: number; without: number };
  };
}

export interface CostPlan {
  prices: PriceSource;
  /** The cluster's region, which the prices are not adjusted to when it is another. */
  clusterRegion: string;
  profile: LoadProfile;
  pipelines: { peak: number; typical: number; headroom: number };
  hours: WorkingDayHours;
  pools: PoolCost[];
  usdPerHour: { peak: number; typical: number; buffer: number };
  /** peak × peak hours + typical × the other working hours + buffer × all working hours. */
  usdPerWorkingDay: { peak: number; typical: number; buffer: number; total: number };
  /** A working day × the working days; other days cost nothing (nodes go when empty). */
  usdPerWeek: number;
  preference: ArchitecturePreferenceCost;
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

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

function nodesCost(load: PoolPeakOnType | undefined, plan: PoolPlan, jobs: number): NodesCost {
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

/** Prices the pools at the peak, on an ordinary working hour and their buffers, per hour and day. */
export function planCost(pools: readonly PoolPlan[], input: CostInput): CostPlan {
  const hours = workingDayHours(input.profile, input.peak.concurrentPipelines);
  const typicalJobs = pipelineJobsPerPool(input.peak, input.pools, hours.typicalPipelines);
  const poolCosts = pools.map((plan): PoolCost => {
    const chosen = plan.fits.find((fit) => fit.type.name === plan.peak?.instanceType);
    const typical = typicalJobs.find((p) => p.pool === plan.name)?.jobsByClass ?? {};
    const typicalLoad = chosen && peakOnType(chosen, typical, input.jobRequests);
    const typicalJobCount = sum(Object.values(typical));
    const fallbackFit = plan.fits.find((fit) => fit.type.name === plan.fallbackPeak?.instanceType);
    return {
      pool: plan.name,
      peak: nodesCost(plan.peak, plan, plan.jobs),
      typical: nodesCost(typicalLoad, plan, typicalJobCount),
      buffer: nodesCost(plan.buffer?.alone, plan, plan.buffer?.chunks ?? 0),
      ...(plan.fallbackPeak && fallbackFit
        ? {
            withoutPreference: {
              peak: nodesCost(plan.fallbackPeak, plan, plan.jobs),
              typical: nodesCost(
                peakOnType(fallbackFit, typical, input.jobRequests),
                plan,
                typicalJobCount,
              ),
            },
          }
        : {}),
    };
  });
  const usdPerHour = {
    peak: sum(poolCosts.map((p) => p.peak.usdPerHour)),
    typical: sum(poolCosts.map((p) => p.typical.usdPerHour)),
    buffer: sum(poolCosts.map((p) => p.buffer.usdPerHour)),
  };
  const day = {
    peak: usdPerHour.peak * hours.peak,
    typical: usdPerHour.typical * hours.typical,
    buffer: usdPerHour.buffer * hours.working,
  };
  const total = day.peak + day.typical + day.buffer;
  return {
    prices: input.prices,
    clusterRegion: input.clusterRegion,
    profile: input.profile,
    pipelines: {
      peak: input.peak.concurrentPipelines,
      typical: hours.typicalPipelines,
      headroom: input.headroomPipelines,
    },
    hours,
    pools: poolCosts,
    usdPerHour,
    usdPerWorkingDay: { ...day, total },
    usdPerWeek: total * input.profile.workingDays.length,
    preference: preferenceCost(pools, poolCosts, input, hours),
  };
}

function preferenceCost(
  pools: readonly PoolPlan[],
  costs: readonly PoolCost[],
  input: CostInput,
  hours: WorkingDayHours,
): ArchitecturePreferenceCost {
  const perDay = (peak: NodesCost, typical: NodesCost) =>
    peak.usdPerHour * hours.peak + typical.usdPerHour * hours.typical;
  const preferring = costs.filter((c) => c.withoutPreference);
  const result: ArchitecturePreferenceCost = {
    pools: preferring.map((c) => c.pool),
    usdPerWorkingDay: {
      with: sum(preferring.map((c) => perDay(c.peak, c.typical))),
      without: sum(
        preferring.map((c) => perDay(c.withoutPreference!.peak, c.withoutPreference!.typical)),
      ),
    },
  };
  const multiArch = pools.find((p) => p.preferredArchitecture);
  const ordinary = pools.find((p) => p.name === input.pools.ordinary);
  const ordinaryCost = costs.find((c) => c.pool === input.pools.ordinary);
  if (!multiArch || !ordinary || !ordinaryCost) return result;
  const onPreferred = (jobsByClass: Readonly<Record<string, number>>) =>
    choosePeakType(
      multiArch.fits
        .filter((fit) => fit.type.architecture === multiArch.preferredArchitecture)
        .flatMap((fit) => peakOnType(fit, jobsByClass, input.jobRequests) ?? []),
    );
  const typicalJobs =
    pipelineJobsPerPool(input.peak, input.pools, hours.typicalPipelines).find(
      (p) => p.pool === ordinary.name,
    )?.jobsByClass ?? {};
  const peak = nodesCost(onPreferred(ordinary.jobsByClass), multiArch, ordinary.jobs);
  const typical = nodesCost(onPreferred(typicalJobs), multiArch, ordinaryCost.typical.jobs);
  return {
    ...result,
    ordinaryWhatIf: {
      pool: ordinary.name,
      peak,
      typical,
      usdPerWorkingDay: {
        with: perDay(peak, typical),
        without: perDay(ordinaryCost.peak, ordinaryCost.typical),
      },
    },
  };
}
