// Start-up benchmark: the fixed cost of a command, measured as whole processes in paired runs
// (each variant right after the other, so machine load hits both alike): `gitops --help` from the
// bundle and from source (tsx), through npx and from node_modules/.bin on PATH (the README's fast
// start), Nx's own floor (`nx show projects`), and a `nx run-many -t render`
// with every task in the cache, each with Nx's plugin isolation on (its default) and off.
// Run: npx tsx tools/bench/src/startup-bench.ts   (BENCH_RUNS, default 7)
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '@platform/gitops';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const gitops = join(repositoryRoot, 'tools/gitops/bin/gitops.mjs');
const nx = join(repositoryRoot, 'node_modules/nx/bin/nx.js');
const cacheDirectory = join(repositoryRoot, '.nx/bench-cache');

/** Nx without the daemon (as in CI and containers), a private cache, no terminal UI. */
const nxEnv = (isolatePlugins: boolean) => ({
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_CACHE_DIRECTORY: cacheDirectory,
  NX_ISOLATE_PLUGINS: String(isolatePlugins),
});

interface Variant {
  label: string;
  run: () => Promise<unknown>;
}

/** node_modules/.bin first on PATH: how the README's fast start runs `gitops`. */
const fastStartPath = `${join(repositoryRoot, 'node_modules/.bin')}:${process.env.PATH}`;

const variants: Variant[] = [
  { label: 'gitops --help (bundle)', run: () => execa('node', [gitops, '--help']) },
  {
    label: 'npx gitops --help',
    run: () => execa('npx', ['gitops', '--help'], { cwd: repositoryRoot }),
  },
  {
    label: 'gitops --help (node_modules/.bin on PATH)',
    run: () => execa('gitops', ['--help'], { cwd: repositoryRoot, env: { PATH: fastStartPath } }),
  },
  {
    label: 'gitops --help (from source, tsx)',
    run: () => execa('node', [gitops, '--help'], { env: { GITOPS_FROM_SOURCE: '1' } }),
  },
  ...[true, false].flatMap((isolate) => [
    {
      label: `nx show projects (plugin isolation ${isolate ? 'on' : 'off'})`,
      run: () => execa('node', [nx, 'show', 'projects'], { env: nxEnv(isolate) }),
    },
    {
      label: `cached nx run-many -t render (isolation ${isolate ? 'on' : 'off'})`,
      run: () => cachedRender(isolate),
    },
  ]),
];

/** A run-many whose every task must come from the cache; anything else is a failed benchmark. */
async function cachedRender(isolatePlugins: boolean) {
  const { stdout } = await execa(
    'node',
    [nx, 'run-many', '-t', 'render', '--output-style=static'],
    {
      cwd: repositoryRoot,
      env: nxEnv(isolatePlugins),
    },
  );
  const hits = /from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(
    stdout,
  );
  if (!hits || hits[1] !== hits[2]) throw new Error(`expected every render cached:\n${stdout}`);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

rmSync(cacheDirectory, { recursive: true, force: true });
// Primes the cache, the CLI bundle and Nx's workspace data; not measured.
await execa('node', [nx, 'run-many', '-t', 'render', '--output-style=static'], {
  cwd: repositoryRoot,
  env: nxEnv(true),
});
await variants[0]!.run();
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${runs} paired runs`,
);
const samples = new Map(variants.map((v) => [v.label, [] as number[]]));
for (let i = 0; i < runs; i += 1) {
  for (const variant of variants) {
    const start = performance.now();
    await variant.run();
    samples.get(variant.label)!.push(performance.now() - start);
  }
}
for (const [label, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(48)} median ${(median(values) / 1000).toFixed(2)} s  (min ${(sorted[0]! / 1000).toFixed(2)}, max ${(sorted.at(-1)! / 1000).toFixed(2)})`,
  );
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
rmSync(cacheDirectory, { recursive: true, force: true });
