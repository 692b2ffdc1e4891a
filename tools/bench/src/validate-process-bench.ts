// Whole-process validation benchmark, as a new user runs it: `gitops validate <dir>` against a
// process that only parses the same files with js-yaml (the floor of any YAML tool), over 10,000
// and 50,000 generated resources, with peak memory (max RSS, from GNU time).
// Run: npx tsx tools/bench/src/validate-process-bench.ts   (BENCH_RUNS, default 3 at 10k, 1 at 50k)
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

interface Sample {
  seconds: number;
  maxRssMb: number;
}

/** One process, timed, with its peak memory (GNU time's %M, in KB). */
async function measure(command: string[]): Promise<Sample> {
  const result = await execa('/usr/bin/time', ['-f', '%e %M', ...command], {
    cwd: repositoryRoot,
    reject: false,
  });
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (result.exitCode !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  return { seconds: seconds!, maxRssMb: Math.round(kb! / 1024) };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function bench(count: number, times: number): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), `gitops-bench-${count}-`));
  try {
    for (const file of corpus(count)) {
      const path = join(directory, file.path.split('/').at(-1)!);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    // Inside node_modules so the script resolves the repository's js-yaml.
    const script = join(repositoryRoot, 'node_modules/.cache/gitops-bench/parse-only.mjs');
    mkdirSync(dirname(script), { recursive: true });
    writeFileSync(script, parseOnlyScript);
    const parse: Sample[] = [];
    const validate: Sample[] = [];
    // Paired runs: each validate next to its parse-only baseline, so machine load affects both.
    for (let i = 0; i < times; i += 1) {
      parse.push(await measure(['node', script, directory]));
      validate.push(await measure(['node', gitops, 'validate', '--engine', 'embedded', directory]));
    }
    rmSync(script, { force: true });
    const v = median(validate.map((s) => s.seconds));
    const p = median(parse.map((s) => s.seconds));
    console.log(
      `${count.toLocaleString('en-US')} resources: gitops validate ${v.toFixed(2)} s ` +
        `(${Math.round(count / v).toLocaleString('en-US')} resources/s, peak ${Math.max(...validate.map((s) => s.maxRssMb))} MB); ` +
        `parse-only js-yaml process ${p.toFixed(2)} s; ratio ${(v / p).toFixed(2)}x (median of ${times})`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await bench(10_000, runs);
await bench(50_000, Math.max(1, Math.floor(runs / 3)));
