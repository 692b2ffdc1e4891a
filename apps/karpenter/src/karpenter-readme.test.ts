import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd, planClusterCapacity } from '@platform/capacity';
import { clusterByName, inventory } from '@platform/config';
import { committedFiles, committedObjects, repositoryRoot } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';

/** The README quotes the planner; a change of inputs that moves a figure must move it there too. */
const readme = readFileSync(join(repositoryRoot, 'apps/karpenter/README.md'), 'utf8');
const plan = planClusterCapacity(clusterByName(inventory, 'ci'), committedFiles('rendered/ci'))!;
const { cost } = plan;

describe('apps/karpenter/README.md', () => {
  it('quotes the warm headroom as the planner prices it', () => {
    for (const pool of cost.pools.filter((p) => p.buffer.nodes > 0)) {
      const row = `| ${pool.pool} | ${pool.buffer.jobs} | ${pool.buffer.nodes} × ${pool.buffer.instanceType} | ${formatUsd(pool.buffer.usdPerHour)} |`;
      expect(readme.replace(/ +\|/g, ' |').replace(/\| +/g, '| ')).toContain(row);
    }
    expect(readme).toContain(
      `${formatUsd(cost.usdPerHour.buffer)} an hour for ${cost.hours.working} working hours`,
    );
    expect(readme).toContain(`**${formatUsd(cost.usdPerWorkingDay.buffer)} per working day**`);
    expect(readme).toContain(
      `${formatUsd(cost.usdPerWorkingDay.total)} a day and ${formatUsd(cost.usdPerWeek)} a week`,
    );
  });

  it('quotes the overlay and the Graviton what-if as rendered and planned', () => {
    const [overlay] = committedObjects('rendered/ci/karpenter/graviton-first');
    expect(readme).toContain(`by \`${overlay!.spec.priceAdjustment}\``);
    const whatIf = cost.preference.ordinaryWhatIf!;
    const saved = whatIf.usdPerWorkingDay.without - whatIf.usdPerWorkingDay.with;
    expect(readme).toContain(`**${formatUsd(saved)} a day saved**`);
    expect(readme).toContain(
      `${formatUsd(whatIf.usdPerWorkingDay.with)} instead of\n${formatUsd(whatIf.usdPerWorkingDay.without)}`,
    );
  });
});
