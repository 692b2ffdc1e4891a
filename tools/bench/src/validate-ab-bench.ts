// Does a speed-up pay? `gitops validate` of two checkouts, A (without the change) and B (with
// it), on the same corpus of copies of rendered/, in interleaved pairs (A B, then B A, …) so
// machine load hits both alike. Prints both medians (wall and CPU), the median of the paired
// differences and how many pairs B won: a speed-up earns its place only when B wins clearly.
// Run: BENCH_A=/path/to/checkout-without BENCH_B=. npx tsx tools/bench/src/validate-ab-bench.ts
//      (BENCH_RUNS pairs, default 11; BENCH_FILES, default 10000; BENCH_KINDS=configmap,…;
//      BENCH_PATH=rendered/ci/karpenter validates that path of each checkout instead, as
//      `gitops validate --app` does)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeRenderedCorpus } from './validation/rendered-corpus';
import {
  loadAverage,
  measure,
  median,
  validateCommand,
  type Sample,
} from './validation/process-timing';

const [a, b] = [process.env.BENCH_A, process.env.BENCH_B ?? '.'].map((path) => {
  if (!path) throw new Error('BENCH_A (the checkout without the change) is required');
  return resolve(path);
});
const runs = Number(process.env.BENCH_RUNS ?? 11);
const files = Number(process.env.BENCH_FILES ?? 10_000);
const kinds = process.env.BENCH_KINDS?.split(',');
const path = process.env.BENCH_PATH;

const directory = mkdtempSync(join(tmpdir(), 'gitops-ab-'));
try {
  if (!path) writeRenderedCorpus(directory, files, kinds);
  const command = (checkout: string) =>
    validateCommand(path ? join(checkout, path) : directory, checkout);
  // Unmeasured: each checkout builds its bundles and caches if they are stale.
  await measure(command(a!), { cwd: a });
  await measure(command(b!), { cwd: b });
  const before = loadAverage();
  const samples: { a: Sample[]; b: Sample[] } = { a: [], b: [] };
  for (let i = 0; i < runs; i += 1) {
    const pair = [
      async () => samples.a.push(await measure(command(a!), { cwd: a })),
      async () => samples.b.push(await measure(command(b!), { cwd: b })),
    ];
    for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
  }
  const of = (list: Sample[], key: 'seconds' | 'cpuSeconds') => median(list.map((s) => s[key]));
  const difference = (key: 'seconds' | 'cpuSeconds') =>
    median(samples.b.map((s, i) => s[key] - samples.a[i]![key]));
  const wins = samples.b.filter((s, i) => s.seconds < samples.a[i]!.seconds).length;
  console.log(
    `${path ?? `${files} files${kinds ? ` (${kinds.join(', ')})` : ''}`}, ${runs} pairs, ${before} before, ${loadAverage()} after\n` +
      `  A ${a}: ${of(samples.a, 'seconds').toFixed(3)} s, CPU ${of(samples.a, 'cpuSeconds').toFixed(3)} s, peak ${Math.max(...samples.a.map((s) => s.maxRssMb))} MB\n` +
      `  B ${b}: ${of(samples.b, 'seconds').toFixed(3)} s, CPU ${of(samples.b, 'cpuSeconds').toFixed(3)} s, peak ${Math.max(...samples.b.map((s) => s.maxRssMb))} MB\n` +
      `  B - A, median of pairs: wall ${difference('seconds').toFixed(3)} s, CPU ${difference('cpuSeconds').toFixed(3)} s; B faster in ${wins} of ${runs}`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
