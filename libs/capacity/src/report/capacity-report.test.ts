import { describe, expect, it } from 'vitest';
import { planCapacity } from '../plan/plan-capacity';
import { fixtureCluster, fixtureInput } from '../testing/plan-fixture';
import { capacitySvg } from './capacity-svg';
import { formatCapacityReport } from './format-capacity-report';

describe('capacity report', () => {
  it('draws the same SVG bytes for the same plan, with a bar per pool resource and per zone', () => {
    const svg = capacitySvg(planCapacity(fixtureInput()));
    expect(capacitySvg(planCapacity(fixtureInput()))).toBe(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // Per pool: CPU, memory, limits; per zone one; per pool: peak, ordinary hours, headroom cost.
    expect(svg.match(/<rect x="250"/g)?.length).toBe(2 * (3 * 3 + 3 + 3 * 3));
    expect(svg).toContain('eu-west-1a (test-nodes-a)');
    expect(svg).toMatch(
      /Cost per working day: \$[\d.]+ \(on-demand, us-east-1 prices of Karpenter v1\.14\.1, 2026-07-06\)/,
    );
  });

  it('colours a zone red and lists the finding when its subnets are short', () => {
    const plan = planCapacity(fixtureInput({ cluster: fixtureCluster(26) }));
    expect(capacitySvg(plan)).toContain('fill="#c62828"');
    const text = formatCapacityReport(plan);
    expect(text).toContain('error   subnet test-nodes-a (eu-west-1a, 10.0.0.0/26): peak needs');
    expect(text).toMatch(/capacity: (1 error|\d+ errors), 0 warnings\n$/);
  });
});
