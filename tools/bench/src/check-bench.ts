// Check benchmark: a warm `gitops check` against a warm `gitops validate` of the same tree (and a
// warm `gitops render` of an unchanged tree), whole
// processes in paired runs (each right after the other, so machine load hits both alike), and a
// cold check: the first after its caches (Helm inflation, render memo) are emptied, as after a
// change to every chart or a fresh clone. CPU time (user + system, from /usr/bin/time) is reported
// beside wall time, since on a shared machine the wall time mostly measures the neighbours.
// BENCH_BASELINE_ROOT=/path/to/another/checkout also times that checkout's check, paired (before).
// Run: npx tsx tools/bench/src/check-bench.ts   (BENCH_RUNS, default 7; target: warm check ≤ 2x)
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '@platform/gitops';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const baseline = process.env.BENCH_BASELINE_ROOT;
const timeCommand = '/usr/bin/time';

interface Sample {
  wallMs: number;
  cpuMs?: number;
}

/** One whole `gitops` process in `root`; fails the benchmark unless it exits 0. */
async function gitops(root: string, args: string[]): Promise<Sample> {
  const cli = join(root, 'tools/gitops/bin/gitops.mjs');
  const timed = existsSync(timeCommand);
  const start = performance.now();
  const result = timed
    ? await execa(timeCommand, ['-f', 'cpu %U %S', 'node', cli, ...args], {
        cwd: root,
        reject: false,
      })
    : await execa('node', [cli, ...args], { cwd: root, reject: false });
  const wallMs = performance.now() - start;
  if (result.exitCode !== 0)
    throw new Error(
      `gitops ${args.join(' ')} in ${root} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`,
    );
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

const caches = ['gitops-helm-inflation', 'gitops-render'].map((name) =>
  join(repositoryRoot, 'node_modules', '.cache', name),
);
const emptyCaches = () =>
  caches.forEach((cache) => rmSync(cache, { recursive: true, force: true }));

const variants: { label: string; run: () => Promise<Sample> }[] = [
  { label: 'gitops validate (warm)', run: () => gitops(repositoryRoot, ['validate']) },
  { label: 'gitops check (warm)', run: () => gitops(repositoryRoot, ['check']) },
  {
    label: 'gitops render (warm, nothing to write)',
    run: () => gitops(repositoryRoot, ['render']),
  },
  {
    label: 'gitops check (cold: caches emptied)',
    run: async () => {
      emptyCaches();
      return gitops(repositoryRoot, ['check']);
    },
  },
  ...(baseline
    ? [{ label: `gitops check in ${baseline} (before)`, run: () => gitops(baseline, ['check']) }]
    : []),
];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// Primes the bundles and the caches; not measured.
for (const variant of variants) await variant.run();
await gitops(repositoryRoot, ['check']);
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${runs} paired runs`,
);
const samples = new Map(variants.map((v) => [v.label, [] as Sample[]]));
for (let i = 0; i < runs; i += 1)
  for (const variant of variants) samples.get(variant.label)!.push(await variant.run());
// The cold variant emptied the caches last: leave them warm for whoever runs next.
await gitops(repositoryRoot, ['check']);

const medians = new Map(
  [...samples].map(([label, values]) => [
    label,
    {
      wall: median(values.map((v) => v.wallMs)),
      cpu: values.every((v) => v.cpuMs !== undefined)
        ? median(values.map((v) => v.cpuMs!))
        : undefined,
    },
  ]),
);
for (const [label, { wall, cpu }] of medians)
  console.log(
    `${label.padEnd(48)} median ${seconds(wall)} wall${cpu === undefined ? '' : `, ${seconds(cpu)} CPU`}`,
  );
const check = medians.get('gitops check (warm)')!;
const validate = medians.get('gitops validate (warm)')!;
console.log(
  `warm check / warm validate: ${(check.wall / validate.wall).toFixed(2)}x wall${check.cpu && validate.cpu ? `, ${(check.cpu / validate.cpu).toFixed(2)}x CPU` : ''} (target ≤ 2x)`,
);
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
