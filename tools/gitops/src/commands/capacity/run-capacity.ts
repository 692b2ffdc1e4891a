import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  capacityFailed,
  capacitySvg,
  formatCapacityReport,
  planRenderedCapacity,
  type CapacityPlan,
} from '@platform/capacity';
import { inventory } from '@platform/config';
import type { Invocation } from '../../cli/command';
import { CommandFailure, type CommandReport } from '../../cli/command-report';
import { renderedCapacityFiles } from '../../workspace/rendered-capacity-files';
import type { capacityOptions } from './capacity-command';

/**
 * Plans the peak against the rendered NodePools, EC2NodeClasses, DaemonSets and runner settings.
 * Exit 1 on any error finding, or when no cluster in scope has NodePools.
 */
export async function runCapacity({
  root,
  options,
}: Invocation<typeof capacityOptions>): Promise<CommandReport> {
  const known = inventory.clusters.map((cluster) => cluster.name);
  if (options.cluster && !known.includes(options.cluster))
    throw new CommandFailure(
      `unknown cluster "${options.cluster}" (known: ${known.join(', ')})`,
      2,
    );
  const plans = planRenderedCapacity(renderedCapacityFiles(root, options.cluster), options.cluster);
  if (plans.length === 0)
    throw new CommandFailure(
      `no NodePools rendered${options.cluster ? ` for cluster ${options.cluster}` : ''}`,
      1,
    );
  if (options.svg) {
    if (plans.length > 1) throw new CommandFailure('--svg draws one cluster; add --cluster', 2);
    writeFileSync(resolve(process.cwd(), options.svg), capacitySvg(plans[0]!));
  }
  return {
    exitCode: capacityFailed(plans) ? 1 : 0,
    json: plans.map(planAsJson),
    text: () => plans.map(formatCapacityReport).join('\n'),
  };
}

/** The plan without the catalog rows repeated in every fit. */
function planAsJson(plan: CapacityPlan): unknown {
  return {
    ...plan,
    pools: plan.pools.map(({ fits, ...pool }) => ({
      ...pool,
      instanceTypes: fits.map(({ type, ...fit }) => ({ instanceType: type.name, ...fit })),
    })),
  };
}
