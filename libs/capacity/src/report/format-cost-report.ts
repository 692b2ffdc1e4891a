import type { CostPlan } from '../cost/cost-plan';
import type { NodesCost } from '../cost/nodes-cost';
import type { OverlaySummary } from '../plan/overlay-findings';
import { formatUsd } from '../pricing/on-demand-prices';
import { formatTable } from './text-table';

const hours = (h: number) => `${Number(h.toFixed(2))} h`;
const pct = (share: number) => `${Number((share * 100).toFixed(1))}%`;
const pad = (n: number) => String(n).padStart(2, '0');

/** `6 × c6i.8xlarge × $1.36 = $8.16`; `0` without nodes. */
export function formatNodesCost(cost: NodesCost): string {
  if (cost.nodes === 0 || !cost.instanceType) return '0';
  return `${cost.nodes} × ${cost.instanceType} × ${formatUsd(cost.usdPerNodeHour)} = ${formatUsd(cost.usdPerHour)}`;
}

/** Where the prices come from and what they are not (spot, the cluster's region). */
export function priceSourceLine(cost: CostPlan): string {
  const { prices } = cost;
  const region =
    prices.region === cost.clusterRegion
      ? ''
      : `; the cluster runs in ${cost.clusterRegion}: these are ${prices.region} prices, no regional factor applied`;
  return `Prices: on-demand ${prices.currency} per instance-hour from Karpenter ${prices.karpenterVersion}'s table (${prices.file}, generated ${prices.generatedAt}) for ${prices.region}${region}; spot-first pools pay less, on-demand is their ceiling.`;
}

/** The load profile in one line, with the hours each part of the day gets. */
export function profileLine(cost: CostPlan): string {
  const { profile, hours: h, pipelines } = cost;
  const days = profile.workingDays.join(' ');
  const span = `${pad(profile.workingHours.start)}:00–${pad(profile.workingHours.end)}:00 UTC`;
  return `Load profile (libs/config/src/ci-jobs/load-profile.ts): ${days}, ${span} (${hours(h.working)}); peak ${pipelines.peak} pipelines for ${pct(profile.peakShare)} of it (${hours(h.peak)}); otherwise ${profile.pipelinesPerHour} pipelines/h × ${profile.pipelineMinutes} min = ${Number(pipelines.typical.toFixed(2))} at once (${hours(h.typical)}); warm headroom ${pipelines.headroom} pipeline burst(s) all ${hours(h.working)}.`;
}

/** Graviton first: the overlays, the multi-arch pools with and without the preference, a what-if. */
export function formatPreferenceReport(
  cost: CostPlan,
  overlays: readonly OverlaySummary[],
): string[] {
  const { preference } = cost;
  const day = (usd: { with: number; without: number }) =>
    `${formatUsd(usd.with)} with, ${formatUsd(usd.without)} without (${formatUsd(usd.without - usd.with)} saved)`;
  const whatIf = preference.ordinaryWhatIf;
  return [
    `Graviton first (NodeOverlays: ${overlays.map((o) => `${o.name} ${o.priceAdjustment ?? o.price ?? 'capacity only'} on ${o.matches} pool instance types`).join('; ') || 'none'}):`,
    ...formatTable(
      ['pool', 'with the preference (peak / ordinary hour)', 'without it (peak / ordinary hour)'],
      cost.pools
        .filter((p) => p.withoutPreference)
        .map((p) => [
          p.pool,
          `${formatNodesCost(p.peak)} / ${formatNodesCost(p.typical)}`,
          `${formatNodesCost(p.withoutPreference!.peak)} / ${formatNodesCost(p.withoutPreference!.typical)}`,
        ]),
    ),
    `Per working day, multi-arch pools (${preference.pools.join(', ') || 'none'}): ${day(preference.usdPerWorkingDay)}`,
    ...(whatIf
      ? [
          `What if every job of ${whatIf.pool} were multi-arch: peak ${formatNodesCost(whatIf.peak)}, ordinary hour ${formatNodesCost(whatIf.typical)}; per working day ${day(whatIf.usdPerWorkingDay)}`,
        ]
      : []),
  ];
}

/** The cost section of `gitops capacity`: per pool and hour, then per working day and week. */
export function formatCostReport(cost: CostPlan): string[] {
  const day = cost.usdPerWorkingDay;
  const h = cost.hours;
  return [
    priceSourceLine(cost),
    profileLine(cost),
    '',
    'Cost per hour (nodes × type × on-demand price):',
    ...formatTable(
      ['pool', 'at the peak', 'ordinary hour', 'warm headroom'],
      [
        ...cost.pools.map((p) => [
          p.pool,
          `${p.peak.jobs} jobs: ${formatNodesCost(p.peak)}`,
          `${p.typical.jobs} jobs: ${formatNodesCost(p.typical)}`,
          `${p.buffer.jobs} chunks: ${formatNodesCost(p.buffer)}`,
        ]),
        [
          'total',
          formatUsd(cost.usdPerHour.peak),
          formatUsd(cost.usdPerHour.typical),
          formatUsd(cost.usdPerHour.buffer),
        ],
      ],
    ),
    `Per working day: peak ${formatUsd(cost.usdPerHour.peak)} × ${hours(h.peak)} = ${formatUsd(day.peak)} + ordinary ${formatUsd(cost.usdPerHour.typical)} × ${hours(h.typical)} = ${formatUsd(day.typical)} + warm headroom ${formatUsd(cost.usdPerHour.buffer)} × ${hours(h.working)} = ${formatUsd(day.buffer)}; total ${formatUsd(day.total)}`,
    `Per week: ${formatUsd(day.total)} × ${cost.profile.workingDays.length} working days = ${formatUsd(cost.usdPerWeek)} (other days: no load, no headroom)`,
  ];
}
