import type { CostPlan } from '../cost/cost-plan';
import type { NodesCost } from '../cost/nodes-cost';
import { formatUsd } from '../pricing/on-demand-prices';
import { formatMarkdownTable } from './markdown-table';

const hours = (h: number) => `${Number(h.toFixed(2))} h`;

/**
 * What the warm headroom costs and keeps warm, as apps/karpenter/README.md shows it: `gitops
 * render` writes it there and `gitops check` fails when it is stale, so the README never quotes a
 * figure the planner no longer gives.
 */
export function headroomCostMarkdown(cost: CostPlan): string {
  const buffered = cost.pools.filter((pool) => pool.buffer.nodes > 0);
  const table = formatMarkdownTable(
    ['pool', 'buffer chunks', 'keeps warm', 'per hour'],
    buffered.map((pool) => [
      pool.pool,
      String(pool.buffer.jobs),
      `${pool.buffer.nodes} × ${pool.buffer.instanceType}`,
      formatUsd(pool.buffer.usdPerHour),
    ]),
  );
  const day = cost.usdPerWorkingDay;
  const h = cost.hours;
  const jobs = day.peak + day.typical;
  const sentence = [
    `That is ${formatUsd(cost.usdPerHour.buffer)} an hour for ${hours(h.working)} of working hours:`,
    `**${formatUsd(day.buffer)} per working day**, against ${formatUsd(jobs)} for the jobs themselves`,
    `(the peak, ${formatUsd(cost.usdPerHour.peak)}/h for ${hours(h.peak)}, and ordinary hours,`,
    `${formatUsd(cost.usdPerHour.typical)}/h for ${hours(h.typical)}), so ${formatUsd(day.total)} a day and`,
    `${formatUsd(cost.usdPerWeek)} a week with the headroom.`,
  ];
  // One line per paragraph: Prettier keeps prose lines as they are, so the region stays as written.
  return [...table, '', sentence.join(' ')].join('\n');
}

/** Nodes and their hourly price, as a table cell: `8 × c7g.8xlarge, $9.28/h`, or `0`. */
const nodesCell = (nodes: NodesCost) =>
  nodes.nodes > 0 && nodes.instanceType
    ? `${nodes.nodes} × ${nodes.instanceType}, ${formatUsd(nodes.usdPerHour)}/h`
    : '0';

/** The multi-arch pools that plan jobs, at the peak and on an ordinary hour, with and without the preference. */
function preferenceTable(cost: CostPlan): string[] {
  const pools = cost.pools.filter((pool) => pool.withoutPreference && pool.peak.jobs > 0);
  if (pools.length === 0) return [];
  const table = formatMarkdownTable(
    ['multi-arch pool', 'jobs at the peak / ordinary hour', 'with the preference', 'without it'],
    pools.flatMap((pool) => [
      [
        pool.pool,
        `${pool.peak.jobs} / ${pool.typical.jobs}`,
        `peak ${nodesCell(pool.peak)}`,
        `peak ${nodesCell(pool.withoutPreference!.peak)}`,
      ],
      [
        '',
        '',
        `ordinary ${nodesCell(pool.typical)}`,
        `ordinary ${nodesCell(pool.withoutPreference!.typical)}`,
      ],
    ]),
  );
  return [...table, ''];
}

/**
 * The Graviton preference in figures, as apps/karpenter/README.md shows it: the multi-arch pools
 * that plan jobs, with and without it, and what it would save if every job of the ordinary pool
 * were multi-arch.
 */
export function gravitonCostMarkdown(cost: CostPlan): string {
  const { preference } = cost;
  const saved = preference.usdPerWorkingDay.without - preference.usdPerWorkingDay.with;
  const lines = [
    `Per working day, the multi-arch pools (${preference.pools.join(', ') || 'none'}) cost`,
    `${formatUsd(preference.usdPerWorkingDay.with)} with the preference and ${formatUsd(preference.usdPerWorkingDay.without)} without it`,
    `(${formatUsd(saved)} saved).`,
  ];
  const table = preferenceTable(cost);
  const whatIf = preference.ordinaryWhatIf;
  if (!whatIf) return [...table, lines.join(' ')].join('\n');
  const whatIfSaved = whatIf.usdPerWorkingDay.without - whatIf.usdPerWorkingDay.with;
  const share =
    whatIf.usdPerWorkingDay.without > 0 ? whatIfSaved / whatIf.usdPerWorkingDay.without : 0;
  const sentence = [
    ...lines,
    `If every job of ${whatIf.pool} were multi-arch, its peak would run on`,
    `${whatIf.peak.nodes} × ${whatIf.peak.instanceType} (${formatUsd(whatIf.peak.usdPerHour)}/h) and a working day would cost`,
    `${formatUsd(whatIf.usdPerWorkingDay.with)} instead of ${formatUsd(whatIf.usdPerWorkingDay.without)} for that pool: **${formatUsd(whatIfSaved)} a day saved**`,
    `(${Math.round(share * 100)}%).`,
  ];
  // One line per paragraph: Prettier keeps prose lines as they are, so the region stays as written.
  return [...table, sentence.join(' ')].join('\n');
}
