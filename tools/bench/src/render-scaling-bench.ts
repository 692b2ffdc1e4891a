// Render scaling benchmark: `gitops render` and `gitops check` as whole processes over scratch
// repositories of 250, 1,000 and 2,500 generated components (scaling/scaling-workspace.ts), to
// show the cost is linear in components. Run: npx tsx tools/bench/src/render-scaling-bench.ts
// (BENCH_COMPONENTS=250,1000,2500 and BENCH_RUNS=3 by default).
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '@platform/gitops';
import { scalingWorkspace, type ScalingWorkspace } from './scaling/scaling-workspace';

const sizes = (process.env.BENCH_COMPONENTS ?? '250,1000,2500').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Sample {
  wallSeconds: number;
  cpuSeconds: number;
  /** The fastest run's wall time: the figure closest to an idle machine when others run too. */
  minWallSeconds?: number;
}

/** One CLI process in the workspace, timed by GNU time (wall, and user + system CPU). */
async function gitops(workspace: ScalingWorkspace, command: string): Promise<Sample> {
  const result = await execa(
    '/usr/bin/time',
    ['-f', '%e %U %S', 'node', workspace.gitops, command],
    { cwd: workspace.root, reject: false },
  );
  const [wall, user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (result.exitCode !== 0) {
    throw new Error(
      `gitops ${command} failed in ${workspace.root}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { wallSeconds: wall!, cpuSeconds: user! + system! };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface SizeResult {
  components: number;
  firstRender: Sample;
  render: Sample;
  renderEmpty: Sample;
  check: Sample;
}

/** Median of `runs` samples of `step`, wall and CPU separately. */
async function medianOf(step: () => Promise<Sample>): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await step());
  return {
    wallSeconds: median(samples.map((s) => s.wallSeconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    minWallSeconds: Math.min(...samples.map((s) => s.wallSeconds)),
  };
}

async function benchSize(components: number): Promise<SizeResult> {
  const workspace = scalingWorkspace(repositoryRoot, components);
  try {
    // The first run also bundles the CLI and the components for this checkout (once per change).
    const firstRender = await gitops(workspace, 'render');
    const render = await medianOf(() => gitops(workspace, 'render'));
    const renderEmpty = await medianOf(() => {
      rmSync(join(workspace.root, 'rendered'), { recursive: true, force: true });
      return gitops(workspace, 'render');
    });
    const check = await medianOf(() => gitops(workspace, 'check'));
    return { components, firstRender, render, renderEmpty, check };
  } finally {
    workspace.dispose();
  }
}

const format = (s: Sample) =>
  `${s.wallSeconds.toFixed(2)} s (cpu ${s.cpuSeconds.toFixed(2)} s` +
  `${s.minWallSeconds === undefined ? '' : `, fastest ${s.minWallSeconds.toFixed(2)} s`})`;

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${runs} runs each`,
);
const results: SizeResult[] = [];
for (const components of sizes) {
  const result = await benchSize(components);
  results.push(result);
  console.log(
    `${String(components).padStart(5)} components: first render ${format(result.firstRender)}, ` +
      `render ${format(result.render)}, render into empty rendered/ ${format(result.renderEmpty)}, ` +
      `check ${format(result.check)}`,
  );
}
const smallest = results[0]!;
const largest = results.at(-1)!;
if (results.length > 1) {
  const ratio = (pick: (r: SizeResult) => Sample) =>
    `${(pick(largest).wallSeconds / pick(smallest).wallSeconds).toFixed(1)}x wall, ` +
    `${(pick(largest).cpuSeconds / pick(smallest).cpuSeconds).toFixed(1)}x cpu`;
  const size = largest.components / smallest.components;
  console.log(
    `${largest.components} vs ${smallest.components} components (${size}x the components):`,
  );
  console.log(
    `  render ${ratio((r) => r.render)}; into empty rendered/ ${ratio((r) => r.renderEmpty)}`,
  );
  console.log(`  check  ${ratio((r) => r.check)}`);
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
