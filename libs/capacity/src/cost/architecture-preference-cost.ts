import type { PoolPlan } from '../plan/pool-plan';
import { choosePeakType, peakOnType } from '../peak/pool-peak';
import { pipelineJobsPerPool } from '../peak/warm-headroom';
import { nodesCost, type CostInput, type NodesCost, type PoolCost } from './nodes-cost';
import type { WorkingDayHours } from './load-hours';

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

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

export function preferenceCost(
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
