import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd, planClusterCapacity, sharedPlanInput } from '@platform/capacity';
import { clusterByName, inventory, peakLoad } from '@platform/config';
import { committedFiles, committedObjects, repositoryRoot } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';

/** The README quotes the planner; a change of inputs that moves a figure must move it there too. */
const readme = readFileSync(join(repositoryRoot, 'apps/karpenter/README.md'), 'utf8');
const ci = clusterByName(inventory, 'ci');
const plan = planClusterCapacity(ci, committedFiles('rendered/ci'))!;
const { cost } = plan;
/** Spaces around table cells collapsed, as prettier's alignment varies with the widest cell. */
const cells = readme.replace(/ +\|/g, ' |').replace(/\| +/g, '| ');

describe('apps/karpenter/README.md', () => {
  it('quotes the warm headroom as the planner prices it', () => {
    for (const pool of cost.pools.filter((p) => p.buffer.nodes > 0)) {
      const row = `| ${pool.pool} | ${pool.buffer.jobs} | ${pool.buffer.nodes} × ${pool.buffer.instanceType} | ${formatUsd(pool.buffer.usdPerHour)} |`;
      expect(cells).toContain(row);
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

  it('quotes the multi-arch share and its pool with and without the preference, and the day without the share', () => {
    expect(readme).toContain(`It is **${peakLoad.multiArchShare}**`);
    const { preference } = cost;
    expect(preference.pools).toEqual(['ci-jobs-multiarch']);
    const { with: withIt, without } = preference.usdPerWorkingDay;
    expect(withIt).toBeGreaterThan(0);
    expect(cells).toContain(`| per working day | ${formatUsd(withIt)} | ${formatUsd(without)} |`);
    expect(readme).toContain(`saves ${formatUsd(without - withIt)} a working day`);
    const pool = plan.pools.find((p) => p.name === 'ci-jobs-multiarch')!;
    expect(cells).toContain(`| multi-arch jobs at the peak: ${pool.jobs} |`);
    const noShare = planClusterCapacity(ci, committedFiles('rendered/ci'), {
      peak: { ...sharedPlanInput(ci).peak, multiArchShare: 0 },
    })!;
    expect(readme).toContain(
      `costs ${formatUsd(cost.usdPerWorkingDay.total)} against ${formatUsd(noShare.cost.usdPerWorkingDay.total)} with share 0`,
    );
  });
});
