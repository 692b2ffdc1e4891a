import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  convergeJson,
  convergeTimelineSvg,
  formatConvergeMarkdown,
  formatConvergeReport,
  type ConvergeResult,
} from '@platform/converge';
import { inventory } from '@platform/config';
import { convergeWorkspace, noBootstrapMessage } from '../../check/converge-input';
import type { Invocation } from '../../cli/command';
import { CommandFailure, type CommandReport } from '../../cli/command-report';
import type { convergeOptions } from './converge-command';

/**
 * Runs the replay once over rendered/ and reports the clusters asked for. Exit 1 when one of
 * them does not converge, or when the README has no bootstrap commands to start from.
 */
export async function runConverge({
  root,
  options,
}: Invocation<typeof convergeOptions>): Promise<CommandReport> {
  const known = inventory.clusters.map((cluster) => cluster.name);
  if (options.cluster && !known.includes(options.cluster))
    throw new CommandFailure(
      `unknown cluster "${options.cluster}" (known: ${known.join(', ')})`,
      2,
    );
  const result = convergeWorkspace(root);
  if (!result) throw new CommandFailure(noBootstrapMessage, 1);
  const shown: ConvergeResult = options.cluster
    ? { ...result, clusters: result.clusters.filter((c) => c.name === options.cluster) }
    : result;
  if (options.svg) writeFileSync(resolve(process.cwd(), options.svg), convergeTimelineSvg(shown));
  return {
    exitCode: shown.clusters.every((c) => c.converged) ? 0 : 1,
    json: convergeJson(shown.clusters),
    text: () => formatConvergeReport(shown),
    markdown: () => formatConvergeMarkdown(shown),
  };
}
