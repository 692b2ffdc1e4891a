// Whole-process validation benchmark, as users run it: `gitops validate <dir>` started as Nx
// starts the CLI, against a process that only parses the same files with js-yaml, over copies of
// this repository's rendered/ (every kind, CRDs left out: validation/rendered-corpus.ts) at 10,000
// and 50,000 files, with peak memory. Runs are paired and alternate which goes first, so machine
// load hits both alike; the load average is printed with the figures.
// Run: npx tsx tools/bench/src/validate-process-bench.ts   (BENCH_RUNS, default 5 at 10k and 3
// at 50k; BENCH_SIZES=10000 for one size)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRenderedCorpus } from './validation/rendered-corpus';
import {
  loadAverage,
  measure,
  median,
  parseOnlyScript,
  validateCommand,
  type Sample,
} from './validation/process-timing';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const targets = {
  10_000: { ratio: 2.0, rate: 8_000 },
  50_000: { rate: 15_000, memoryMb: 400 },
} as Record<number, { ratio?: number; rate?: number; memoryMb?: number }>;

async function bench(count: number, times: number): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), `gitops-bench-${count}-`));
  try {
    const corpus = writeRenderedCorpus(directory, count);
    const parse = ['node', parseOnlyScript(), directory];
    const validate = validateCommand(directory);
    // Unmeasured: builds the CLI and reader bundles and the validator caches if they are stale.
    await measure(validate);
    const before = loadAverage();
    const samples: { parse: Sample[]; validate: Sample[] } = { parse: [], validate: [] };
    for (let i = 0; i < times; i += 1) {
      const pair = [
        async () => samples.parse.push(await measure(parse)),
        async () => samples.validate.push(await measure(validate)),
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
    }
    const wall = (key: keyof typeof samples) => median(samples[key].map((s) => s.seconds));
    const cpu = (key: keyof typeof samples) => median(samples[key].map((s) => s.cpuSeconds));
    const peak = (key: keyof typeof samples) => Math.max(...samples[key].map((s) => s.maxRssMb));
    const [v, p] = [wall('validate'), wall('parse')];
    const rate = Math.round(count / v);
    const target = targets[count] ?? {};
    const verdicts = [
      target.ratio && `ratio ≤ ${target.ratio}x: ${v / p <= target.ratio ? 'met' : 'MISSED'}`,
      target.rate && `rate ≥ ${target.rate}/s: ${rate >= target.rate ? 'met' : 'MISSED'}`,
      target.memoryMb &&
        `memory < ${target.memoryMb} MB: ${peak('validate') < target.memoryMb ? 'met' : 'MISSED'}`,
    ].filter(Boolean);
    console.log(
      `${count.toLocaleString('en-US')} files (${(corpus.bytes / 1e6).toFixed(1)} MB of copies of rendered/, ` +
        `${Object.keys(corpus.kinds).length} kinds), median of ${times}, ${before} before, ${loadAverage()} after\n` +
        `  gitops validate ${v.toFixed(2)} s (CPU ${cpu('validate').toFixed(2)} s, ${rate.toLocaleString('en-US')} files/s, peak ${peak('validate')} MB)\n` +
        `  js-yaml parse-only ${p.toFixed(2)} s (CPU ${cpu('parse').toFixed(2)} s, peak ${peak('parse')} MB)\n` +
        `  ratio ${(v / p).toFixed(2)}x; ${verdicts.join('; ')}\n` +
        `  every run (s): validate ${samples.validate.map((s) => s.seconds.toFixed(2)).join(' ')}; ` +
        `parse ${samples.parse.map((s) => s.seconds.toFixed(2)).join(' ')}`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const sizes = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
for (const size of sizes)
  await bench(size, size > 20_000 ? Math.max(1, Math.ceil(runs / 2)) : runs);
