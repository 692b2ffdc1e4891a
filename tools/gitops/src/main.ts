import { parseArgs } from 'node:util';
import { reportFailure } from './commands/command-failure';

// Commands and the libraries behind them (cdk8s, ajv, execa, the schemas) are imported only when
// a command runs, so `--help` and usage errors start in a fraction of the time.

const usage = `gitops: render and check the platform's Kubernetes manifests

Usage: gitops <command> [options]

Commands:
  render [--app A] [--cluster C]   render apps into rendered/; validate and policy run in memory
                                   first, and rendered/ changes only if everything passes
  check                            what CI runs: validate and policy over rendered/, then a fresh
                                   render compared with rendered/ (new, deleted, modified files)
  validate [paths…]                strict offline schema validation of resources and Helm values
  policy [paths…]                  policy rules with reasoned exemptions (docs/policy.md)
  charts verify                    check vendor/ (chart packages, Argo CD install) against its lock
  charts pull <chart> <version>    download a chart version with the pinned Helm into vendor/charts/
    --repository URL [--date D]    and lock its sha256 (needs network access to the repository)
  capacity [--cluster C]           plan the CI peak against the rendered NodePools, EC2NodeClasses
                                   and DaemonSets: nodes, limits, subnet addresses per zone
  converge [--cluster C]           replay how Argo CD 3.5.1 brings every cluster up from empty
                                   (gitops converge --help)
  diff --base REV                  rendered/ at REV against the working tree, resource by resource:
                                   added, deleted, changed fields, recreates (docs/reviewing.md)
  help                             show this text

Options:
  --app A, --cluster C   limit render, validate and policy to rendered/<C>/<A>
  --engine E             validate with auto (default: kubeconform if a binary is on PATH or
                         in $KUBECONFORM, else embedded), embedded or kubeconform
  --svg FILE             capacity: also draw pool utilisation and subnet headroom as SVG
  --markdown             diff: a merge-request note (--max-chars N, default 60000;
                         --full-diff-url URL: where the complete diff is)
  --explain-coverage     validate: list the CEL rules of rendered CRDs that are not evaluated
  --json                 machine-readable output: always exactly one JSON document on stdout
  -h, --help             show this text

Exit codes (every command): 0 success, 1 findings (drift, invalid resources, policy violations,\nnothing to check), 2 bad usage or unreadable input.`;

export interface CommandOptions {
  root: string;
  json: boolean;
  app?: string;
  cluster?: string;
  positionals: string[];
  engine?: string;
  repository?: string;
  date?: string;
  svg?: string;
  base?: string;
  markdown?: boolean;
  maxChars?: string;
  fullDiffUrl?: string;
  explainCoverage?: boolean;
}

/** Entry point; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[], root?: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        app: { type: 'string' },
        cluster: { type: 'string' },
        engine: { type: 'string' },
        repository: { type: 'string' },
        date: { type: 'string' },
        svg: { type: 'string' },
        'explain-coverage': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        base: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        'max-chars': { type: 'string' },
        'full-diff-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${usage}\n`);
    return reportFailure('gitops', (error as Error).message, argv.includes('--json'), 2);
  }
  const [command, ...positionals] = parsed.positionals;
  if (parsed.values.help || !command || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  const options: CommandOptions = {
    root: root ?? (await import('./workspace/repository-root')).repositoryRoot,
    json: parsed.values.json ?? false,
    app: parsed.values.app,
    cluster: parsed.values.cluster,
    engine: parsed.values.engine,
    repository: parsed.values.repository,
    date: parsed.values.date,
    svg: parsed.values.svg,
    base: parsed.values.base,
    markdown: parsed.values.markdown,
    maxChars: parsed.values['max-chars'],
    fullDiffUrl: parsed.values['full-diff-url'],
    explainCoverage: parsed.values['explain-coverage'] ?? false,
    positionals,
  };
  try {
    switch (command) {
      case 'render':
        return await (await import('./commands/render-command')).renderCommand(options);
      case 'check':
        return await (await import('./commands/check-command')).checkCommand(options);
      case 'validate':
        return await (await import('./commands/validate-command')).validateCommand(options);
      case 'policy':
        return await (await import('./commands/policy-command')).policyCommand(options);
      case 'charts':
        return await (await import('./commands/charts-command')).chartsCommand(options);
      case 'capacity':
        return await (await import('./commands/capacity-command')).capacityCommand(options);
      case 'diff':
        return await (await import('./commands/diff-command')).diffCommand(options);
      case 'converge':
        // Parses its own options from what follows the command name.
        return await (
          await import('./commands/converge-command')
        ).convergeCommand(argv.slice(argv.indexOf('converge') + 1), options.root);
      default:
        process.stderr.write(`${usage}\n`);
        return reportFailure('gitops', `unknown command "${command}"`, options.json, 2);
    }
  } catch (error) {
    const { InventoryError } = await import('@platform/config');
    const { CatalogError, RenderError, UnknownScopeError } = await import('@platform/core');
    const { RenderAborted } = await import('./render/render-pipeline');
    if (error instanceof UnknownScopeError)
      return reportFailure(command, error.message, options.json, 2);
    if (error instanceof RenderAborted)
      return reportFailure(command, error.message, options.json, 1, { findings: error.findings });
    if (error instanceof CatalogError || error instanceof InventoryError)
      return reportFailure(command, error.message, options.json, 1, { issues: error.issues });
    if (error instanceof RenderError) return reportFailure(command, error.message, options.json, 1);
    // Anything else is a bug or a bad argument: say it plainly, keep the stack for GITOPS_DEBUG=1.
    const message = error instanceof Error ? error.message : String(error);
    if (process.env.GITOPS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return reportFailure(command, message, options.json, 1);
  }
}
