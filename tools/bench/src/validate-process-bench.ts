// Whole-process validation benchmark, as a new user runs it: `gitops validate <dir>` against a
// process that only parses the same files with js-yaml (the floor of any YAML tool), over 10,000
// and 50,000 generated resources, with peak memory (max RSS, from GNU time). Also measured, to
// show what bounds the rate: the same parse-only work split over two worker threads (the floor
// with both cores), `gitops validate` with a validation worker besides the main thread
// (GITOPS_VALIDATE_THREADS=2), and `gitops help` (starting Node and the CLI).
// Run: npx tsx tools/bench/src/validate-process-bench.ts   (BENCH_RUNS, default 3 at 10k, 1 at 50k;
// BENCH_SIZES=10000 for one size)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { repositoryRoot } from '@platform/gitops';
import { corpus } from './bench-corpus';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const gitops = join(repositoryRoot, 'tools/gitops/bin/gitops.mjs');
const parseOnlyScript = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir)) n += loadAll(readFileSync(join(dir, f), 'utf8')).length;
if (n === 0) process.exit(1);
`;
// The same work in two worker threads, each reading and parsing every other file.
const parseOnlyThreadsScript = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadAll } from 'js-yaml';
if (isMainThread) {
  const dir = process.argv[2];
  const files = readdirSync(dir).map((f) => join(dir, f));
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
  const counts = await Promise.all(halves.map((half) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: half });
    worker.on('message', resolve);
    worker.on('error', reject);
  })));
  if (counts.reduce((a, b) => a + b, 0) === 0) process.exit(1);
} else {
  let n = 0;
  for (const f of workerData) n += loadAll(readFileSync(f, 'utf8')).length;
  parentPort.postMessage(n);
}
`;

interface Sample {
  seconds: number;
  maxRssMb: number;
}

/** One process, timed, with its peak memory (GNU time's %M, in KB). */
async function measure(command: string[], env: Record<string, string> = {}): Promise<Sample> {
  const result = await execa('/usr/bin/time', ['-f', '%e %M', ...command], {
    cwd: repositoryRoot,
    reject: false,
    env,
  });
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (result.exitCode !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  return { seconds: seconds!, maxRssMb: Math.round(kb! / 1024) };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function writeScript(name: string, text: string): string {
  // Inside node_modules so the script resolves the repository's js-yaml.
  const script = join(repositoryRoot, 'node_modules/.cache/gitops-bench', name);
  mkdirSync(dirname(script), { recursive: true });
  writeFileSync(script, text);
  return script;
}

async function bench(count: number, times: number): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), `gitops-bench-${count}-`));
  try {
    for (const file of corpus(count))
      writeFileSync(join(directory, file.path.split('/').at(-1)!), file.content);
    const parseOnly = writeScript('parse-only.mjs', parseOnlyScript);
    const parseOnlyThreads = writeScript('parse-only-threads.mjs', parseOnlyThreadsScript);
    const validateCommand = ['node', gitops, 'validate', '--engine', 'embedded', directory];
    // Unmeasured: builds the worker bundle and the compiled-validator caches if they are stale.
    await measure(validateCommand);
    const samples: Record<string, Sample[]> = {
      parse: [],
      parse2: [],
      validate: [],
      validate2: [],
      help: [],
    };
    // Paired runs: each validate next to its baselines, so machine load affects all alike.
    for (let i = 0; i < times; i += 1) {
      samples.parse!.push(await measure(['node', parseOnly, directory]));
      samples.parse2!.push(await measure(['node', parseOnlyThreads, directory]));
      samples.validate!.push(await measure(validateCommand));
      samples.validate2!.push(await measure(validateCommand, { GITOPS_VALIDATE_THREADS: '2' }));
      samples.help!.push(await measure(['node', gitops, 'help']));
    }
    const seconds = (key: string) => median(samples[key]!.map((s) => s.seconds));
    const peak = (key: string) => Math.max(...samples[key]!.map((s) => s.maxRssMb));
    const rate = (key: string) => Math.round(count / seconds(key)).toLocaleString('en-US');
    const [v, p] = [seconds('validate'), seconds('parse')];
    console.log(
      `${count.toLocaleString('en-US')} resources (median of ${times}): gitops validate ${v.toFixed(2)} s ` +
        `(${rate('validate')} resources/s, peak ${peak('validate')} MB); parse-only js-yaml process ` +
        `${p.toFixed(2)} s (peak ${peak('parse')} MB); ratio ${(v / p).toFixed(2)}x\n` +
        `  bounds: parse-only in 2 worker threads ${seconds('parse2').toFixed(2)} s (${rate('parse2')}/s); ` +
        `gitops validate with a validation worker ${seconds('validate2').toFixed(2)} s (${rate('validate2')}/s, peak ${peak('validate2')} MB); ` +
        `gitops help ${seconds('help').toFixed(2)} s\n` +
        `  every run (s): ${Object.entries(samples)
          .map(([key, list]) => `${key} ${list.map((s) => s.seconds.toFixed(2)).join(' ')}`)
          .join('; ')}`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

// BENCH_SIZES=10000 to run one size only.
const sizes = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
for (const size of sizes)
  await bench(size, size > 20_000 ? Math.max(1, Math.floor(runs / 3)) : runs);
