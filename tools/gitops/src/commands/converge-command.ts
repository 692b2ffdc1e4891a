import { writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  converge,
  convergeJson,
  convergeTimelineSvg,
  formatConvergeMarkdown,
  formatConvergeReport,
  type ConvergeResult,
} from '@platform/converge';
import { inventory } from '@platform/config';
import { workspaceConvergeInput } from '../check/converge-input';
import { collectYamlFiles, type SourceFile } from '../workspace/collect-yaml-files';
import { renderedPaths } from '../workspace/rendered-paths';
import { reportFailure } from './command-failure';

export const convergeUsage = `Usage: gitops converge [--cluster C] [--json | --markdown] [--svg FILE]

Replays how Argo CD 3.5.1 brings every cluster up from an empty EKS cluster, from rendered/ and the
README's bootstrap commands alone: a timeline per cluster, then "converged in N waves" or "stuck at
<application> wave <n> on <resource> because <reason>" with the file and the rule.

  --cluster C   report one cluster (the replay still runs them all: clusters depend on each other)
  --json        {"clusters": [{"name", "converged", "waves", "stuck", "warnings"}]}
  --markdown    the report as Markdown
  --svg FILE    also write the timeline as an SVG

Exit codes: 0 every reported cluster converges, 1 one does not, 2 bad usage.`;

/**
 * The replay over the workspace's rendered/ (or the given files, when `gitops check` has read
 * them); undefined when the README has no bootstrap commands to start it from.
 */
export function convergeWorkspace(
  root: string,
  files?: readonly SourceFile[],
): ConvergeResult | undefined {
  const input = workspaceConvergeInput(
    root,
    files ?? collectYamlFiles(root, renderedPaths({ root })),
  );
  return input.bootstrap.length > 0 ? converge(input) : undefined;
}

/** Why nothing was replayed. */
export const noBootstrapMessage =
  'README.md has no `kubectl apply` bootstrap commands to replay from';

/** `gitops converge`: parses its own options, runs the replay once, prints one report. */
export async function convergeCommand(args: readonly string[], root: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        cluster: { type: 'string' },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        svg: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${convergeUsage}\n`);
    return reportFailure('converge', (error as Error).message, args.includes('--json'), 2);
  }
  if (values.help) {
    process.stdout.write(`${convergeUsage}\n`);
    return 0;
  }
  if (values.json && values.markdown)
    return reportFailure('converge', '--json and --markdown exclude each other', true, 2);
  if (values.cluster && !inventory.clusters.some((c) => c.name === values.cluster))
    return reportFailure('converge', `unknown --cluster "${values.cluster}"`, values.json, 2);
  const result = convergeWorkspace(root);
  if (!result) return reportFailure('converge', noBootstrapMessage, values.json, 1);
  const shown: ConvergeResult = values.cluster
    ? { ...result, clusters: result.clusters.filter((c) => c.name === values.cluster) }
    : result;
  if (values.svg)
    writeFileSync(
      isAbsolute(values.svg) ? values.svg : join(process.cwd(), values.svg),
      convergeTimelineSvg(shown),
    );
  if (values.json)
    process.stdout.write(`${JSON.stringify(convergeJson(shown.clusters), null, 2)}\n`);
  else
    process.stdout.write(
      values.markdown ? formatConvergeMarkdown(shown) : formatConvergeReport(shown),
    );
  return shown.clusters.every((c) => c.converged) ? 0 : 1;
}
