import type { CapacityPlan } from '../plan/plan-capacity';
import { formatUsd } from '../pricing/on-demand-prices';

/**
 * The plan as a hand-written SVG: per pool, the share of allocatable CPU and memory the peak
 * uses and the share of its limits; per zone, the share of free subnet addresses it needs.
 * Same plan, same bytes: fixed layout, rounded numbers, no dates.
 */
const barWidth = 380;
const rowHeight = 22;
const margin = 10;
const gap = 12;

/**
 * The width a line of 12px sans-serif text takes at most: 7.2 px per character covers the widest
 * common glyphs of the usual sans-serif fonts at that size, so a label never runs into its bar.
 */
export const svgTextWidth = (text: string, bold = false) =>
  Math.ceil(text.length * 7.2 * (bold ? 1.15 : 1));

interface Bar {
  label: string;
  share: number;
  text: string;
  /** Usage is good when high (rightsized nodes); a bound turns orange, then red, near its end. */
  kind: 'usage' | 'bound';
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Where the bars start and how wide the picture is: from the longest label and bar text. */
interface Layout {
  barX: number;
  width: number;
}

function layoutFor(bars: readonly Bar[], titles: readonly string[]): Layout {
  const barX = margin + Math.max(...bars.map((bar) => svgTextWidth(bar.label))) + gap;
  const texts = Math.max(...bars.map((bar) => svgTextWidth(bar.text)));
  const width = Math.max(
    barX + barWidth + 8 + texts,
    ...titles.map((t) => margin + svgTextWidth(t, true)),
  );
  return { barX, width: width + margin };
}

function barRow(bar: Bar, y: number, { barX }: Layout): string {
  const filled = Math.round(Math.min(1, Math.max(0, bar.share)) * barWidth);
  const colour =
    bar.kind === 'usage'
      ? '#1565c0'
      : bar.share > 1
        ? '#c62828'
        : bar.share > 0.9
          ? '#ef6c00'
          : '#2e7d32';
  return [
    `<text x="${margin}" y="${y + 15}">${escapeXml(bar.label)}</text>`,
    `<rect x="${barX}" y="${y + 3}" width="${barWidth}" height="16" fill="#eeeeee"/>`,
    `<rect x="${barX}" y="${y + 3}" width="${filled}" height="16" fill="${colour}"/>`,
    `<text x="${barX + barWidth + 8}" y="${y + 15}">${escapeXml(bar.text)}</text>`,
  ].join('\n  ');
}

function poolBars(plan: CapacityPlan): Bar[] {
  return plan.pools.flatMap((pool): Bar[] => {
    const peak = pool.peak;
    if (!peak) {
      const label = `${pool.name}: no fitting type`;
      return [{ label, share: 1.01, text: 'does not fit', kind: 'bound' }];
    }
    const title = `${pool.name} (${peak.nodes} × ${peak.instanceType})`;
    const limitShare = Math.max(
      pool.limits.cpuMillis ? peak.capacity.cpuMillis / pool.limits.cpuMillis : 0,
      pool.limits.memoryMiB ? peak.capacity.memoryMiB / pool.limits.memoryMiB : 0,
    );
    return [
      {
        label: `${title} CPU`,
        share: peak.cpuUtilisation,
        text: `${pct(peak.cpuUtilisation)} requested`,
        kind: 'usage',
      },
      {
        label: `${title} memory`,
        share: peak.memoryUtilisation,
        text: `${pct(peak.memoryUtilisation)} requested`,
        kind: 'usage',
      },
      {
        label: `${title} limits`,
        share: limitShare,
        text: `${pct(limitShare)} of spec.limits`,
        kind: 'bound',
      },
    ];
  });
}

function zoneBars(plan: CapacityPlan): Bar[] {
  return plan.zones.map((zone) => {
    const share = zone.freeAddresses > 0 ? zone.neededAddresses / zone.freeAddresses : 1.01;
    return {
      label: `${zone.zone} (${zone.subnets.map((s) => s.name).join(', ')})`,
      share,
      text: `${zone.neededAddresses} needed of ${zone.freeAddresses} free`,
      kind: 'bound',
    };
  });
}

/** Per pool, its share of a working day's cost, split into peak, ordinary hours and headroom. */
function costBars(plan: CapacityPlan): Bar[] {
  const { cost } = plan;
  const h = cost.hours;
  const total = cost.usdPerWorkingDay.total;
  const share = (usd: number) => (total > 0 ? usd / total : 0);
  return cost.pools.flatMap((pool): Bar[] => [
    {
      label: `${pool.pool} at the peak`,
      share: share(pool.peak.usdPerHour * h.peak),
      text: `${formatUsd(pool.peak.usdPerHour * h.peak)} (${pool.peak.nodes} nodes × ${formatUsd(pool.peak.usdPerNodeHour)} × ${Number(h.peak.toFixed(2))} h)`,
      kind: 'usage',
    },
    {
      label: `${pool.pool} ordinary hours`,
      share: share(pool.typical.usdPerHour * h.typical),
      text: `${formatUsd(pool.typical.usdPerHour * h.typical)} (${pool.typical.nodes} nodes × ${formatUsd(pool.typical.usdPerNodeHour)} × ${Number(h.typical.toFixed(2))} h)`,
      kind: 'usage',
    },
    {
      label: `${pool.pool} warm headroom`,
      share: share(pool.buffer.usdPerHour * h.working),
      text: `${formatUsd(pool.buffer.usdPerHour * h.working)} (${pool.buffer.nodes} nodes × ${formatUsd(pool.buffer.usdPerNodeHour)} × ${h.working} h)`,
      kind: 'usage',
    },
  ]);
}

export function capacitySvg(plan: CapacityPlan): string {
  const { cost } = plan;
  const sections = [
    {
      title: `Cluster ${plan.cluster}: NodePools at the peak (${plan.peakJobs} jobs), share of allocatable requested`,
      bars: poolBars(plan),
    },
    {
      title: `Cluster ${plan.cluster}: subnet addresses per zone at the peak, worst zone skew`,
      bars: zoneBars(plan),
    },
    {
      title: `Cluster ${plan.cluster}: cost per working day ${formatUsd(cost.usdPerWorkingDay.total)} (on-demand, ${cost.prices.region} prices of Karpenter ${cost.prices.karpenterVersion}, ${cost.prices.generatedAt.slice(0, 10)}), share of the day`,
      bars: costBars(plan),
    },
  ];
  const layout = layoutFor(
    sections.flatMap((section) => section.bars),
    sections.map((section) => section.title),
  );
  const { width } = layout;
  const parts: string[] = [];
  let y = margin;
  for (const section of sections) {
    parts.push(
      `<text x="${margin}" y="${y + 16}" font-weight="bold">${escapeXml(section.title)}</text>`,
    );
    y += 28;
    for (const bar of section.bars) {
      parts.push(barRow(bar, y, layout));
      y += rowHeight;
    }
    y += 14;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="sans-serif" font-size="12">`,
    `  <rect width="${width}" height="${y}" fill="#ffffff"/>`,
    `  <title>Capacity plan of cluster ${escapeXml(plan.cluster)}</title>`,
    ...parts.map((part) => `  ${part}`),
    '</svg>',
    '',
  ].join('\n');
}
