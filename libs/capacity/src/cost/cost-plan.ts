import type { LoadProfile } from '@platform/config';
import { peakOnType } from '../peak/pool-peak';
import { pipelineJobsPerPool } from '../peak/warm-headroom';
import type { PoolPlan } from '../plan/pool-plan';
import type { PriceSource } from '../pricing/on-demand-prices';
import { preferenceCost, type ArchitecturePreferenceCost } from './architecture-preference-cost';
import { workingDayHours, type WorkingDayHours } from './load-hours';
import { nodesCost, type CostInput, type PoolCost } from './nodes-cost';

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

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/** Prices the pools at the peak, on an ordinary working hour and their buffers, per hour and day. */
export function planCost(pools: readonly PoolPlan[], input: CostInput): CostPlan {
  const hours = workingDayHours(input.profile, input.peak.concurrentPipelines);
  const typicalJobs = pipelineJobsPerPool(input.peak, input.pools, hours.typicalPipelines);
  const poolCosts = pools.map((plan): PoolCost => {
    const chosen = plan.fits.find((fit) => fit.type.name === plan.peak?.instanceType);
    const typical = typicalJobs.find((p) => p.pool === plan.name)?.jobsByClass ?? {};
    const typicalLoad =
      chosen && peakOnType(chosen, typical, input.jobRequests, plan.maxJobsPerNode);
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
                peakOnType(fallbackFit, typical, input.jobRequests, plan.maxJobsPerNode),
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
