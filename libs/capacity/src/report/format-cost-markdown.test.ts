import { describe, expect, it } from 'vitest';
import { planCapacity } from '../plan/plan-capacity';
import { multiArchFixtureInput } from '../testing/plan-fixture';
import { gravitonCostMarkdown } from './format-cost-markdown';

/**
 * The fixture of architecture-preference.test.ts: a multi-arch pool of c6i.8xlarge and
 * c7g.8xlarge taking every ordinary job of 2 pipelines × 35 small jobs, 35 to a node: 2 nodes at
 * the peak ($1.16 and $1.36 an hour each), 1 on an ordinary hour.
 */
const input = (multiArchShare: number) => multiArchFixtureInput(2, 35, multiArchShare);

describe('the Graviton cost region', () => {
  it('tables each multi-arch pool that plans jobs, at the peak and on an ordinary hour, with and without the preference', () => {
    const markdown = gravitonCostMarkdown(planCapacity(input(1)).cost);
    const rows = markdown
      .split('\n')
      .filter((line) => line.startsWith('| ') && !/^\| (multi-arch pool|-)/.test(line))
      .map((line) => line.replace(/ +/g, ' '));
    expect(rows).toEqual([
      '| multi | 70 / 35 | peak 2 × c7g.8xlarge, $2.32/h | peak 2 × c6i.8xlarge, $2.72/h |',
      '| | | ordinary 1 × c7g.8xlarge, $1.16/h | ordinary 1 × c6i.8xlarge, $1.36/h |',
    ]);
  });

  it('has no table where no multi-arch pool plans a job (no multi-arch runner)', () => {
    const markdown = gravitonCostMarkdown(planCapacity(input(0)).cost);
    expect(markdown).not.toContain('|');
    expect(markdown).toContain('$0.00 with the preference and $0.00 without it ($0.00 saved)');
  });
});
