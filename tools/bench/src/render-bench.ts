// Render benchmark: a cold full render (a new process each run, as CI and engineers run it), an
// in-process render, and a fully cached `nx run-many -t render`. Run: npx tsx tools/bench/src/render-bench.ts
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { renderInMemory, repositoryRoot } from '@platform/gitops';
import { formatTiming, medianTiming } from './median-timing';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const nxEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_CACHE_DIRECTORY: join(repositoryRoot, '.nx/bench-cache'),
};
const gitops = join(repositoryRoot, 'tools/gitops/bin/gitops.mjs');
const nx = join(repositoryRoot, 'node_modules/nx/bin/nx.js');

const results = [
  await medianTiming('cold full render (gitops render, new process)', runs, () =>
    execa('node', [gitops, 'render'], { cwd: repositoryRoot }),
  ),
  await medianTiming(
    'in-process render of all apps (no write)',
    runs,
    () => renderInMemory({ root: repositoryRoot }),
    1,
  ),
];

rmSync(join(repositoryRoot, '.nx/bench-cache'), { recursive: true, force: true });
await execa('node', [nx, 'run-many', '-t', 'render', '--output-style=static'], {
  cwd: repositoryRoot,
  env: nxEnv,
});
results.push(
  await medianTiming('cached nx run-many -t render (every app, all hits)', runs, async () => {
    const { stdout } = await execa(
      'node',
      [nx, 'run-many', '-t', 'render', '--output-style=static'],
      { cwd: repositoryRoot, env: nxEnv },
    );
    const hits = /from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(
      stdout,
    );
    if (!hits || hits[1] !== hits[2]) {
      throw new Error(`expected every render from the cache, nx said:\n${stdout}`);
    }
  }),
);
rmSync(join(repositoryRoot, '.nx/bench-cache'), { recursive: true, force: true });

for (const result of results) console.log(formatTiming(result));
