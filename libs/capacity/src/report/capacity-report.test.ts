import { describe, expect, it } from 'vitest';
import { planCapacity } from '../plan/plan-capacity';
import { fixtureCluster, fixtureInput } from '../testing/plan-fixture';
import { capacitySvg, svgTextWidth } from './capacity-svg';
import { formatCapacityReport } from './format-capacity-report';

describe('capacity report', () => {
  it('draws the same SVG bytes for the same plan, with a bar per pool resource and per zone', () => {
    const svg = capacitySvg(planCapacity(fixtureInput()));
    expect(capacitySvg(planCapacity(fixtureInput()))).toBe(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // Per pool: CPU, memory, limits; per zone one; per pool: peak, ordinary hours, headroom cost.
    expect(svg.match(/<rect x="\d+" y="\d+" width="\d+" height="16"/g)?.length).toBe(
      2 * (3 * 3 + 3 + 3 * 3),
    );
    expect(svg).toContain('eu-west-1a (test-nodes-a)');
    expect(svg).toMatch(
      /cost per working day \$[\d.]+ \(on-demand, us-east-1 prices of Karpenter v1\.14\.1, 2026-07-06\)/,
    );
  });

  it('names the cluster in what it shows, and says what the peak needs of what is free', () => {
    const plan = planCapacity(fixtureInput());
    const svg = capacitySvg(plan);
    const visible = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(visible.filter((text) => text.startsWith(`Cluster ${plan.cluster}:`))).toHaveLength(3);
    for (const zone of plan.zones)
      expect(visible).toContain(`${zone.neededAddresses} needed of ${zone.freeAddresses} free`);
  });

  it('starts the bars after the longest label and fits every text in the picture', () => {
    const svg = capacitySvg(planCapacity(fixtureInput()));
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
    const barX = Number(/<rect x="(\d+)" y="\d+" width="\d+" height="16"/.exec(svg)![1]);
    const texts = [
      ...svg.matchAll(/<text x="(\d+)" y="\d+"( font-weight="bold")?>([^<]*)<\/text>/g),
    ];
    for (const [, x, bold, text] of texts) {
      const end = Number(x) + svgTextWidth(text!, Boolean(bold));
      if (Number(x) < barX && !bold) expect([text, end < barX]).toEqual([text, true]);
      expect([text, end <= width]).toEqual([text, true]);
    }
  });

  it('colours a zone red and lists the finding when its subnets are short', () => {
    const plan = planCapacity(fixtureInput({ cluster: fixtureCluster(26) }));
    expect(capacitySvg(plan)).toContain('fill="#c62828"');
    const text = formatCapacityReport(plan);
    expect(text).toContain('error   subnet test-nodes-a (eu-west-1a, 10.0.0.0/26): peak needs');
    expect(text).toMatch(/capacity: (1 error|\d+ errors), 0 warnings\n$/);
  });
});
