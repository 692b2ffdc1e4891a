// Where `gitops validate` spends its time, per check and per kind, on copies of rendered/: for the
// whole corpus and for a corpus of each kind alone (the kinds with the most bytes first), paired
// runs of validate and the js-yaml parse-only process (wall and CPU), then one validate under
// `node --cpu-prof`, whose validating thread's self time is summed by category
// (validation/cpu-profile-categories.ts). The reader thread's profile is summed too: it reads and
// parses ahead of the validating thread.
// Run: npx tsx tools/bench/src/validate-profile-bench.ts   (BENCH_FILES per corpus, default 5000;
// BENCH_RUNS paired runs, default 3; BENCH_KINDS=configmap,service to choose kinds)
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileCategories } from './validation/cpu-profile-categories';
import {
  loadAverage,
  measure,
  median,
  parseOnlyScript,
  validateCommand,
  type Sample,
} from './validation/process-timing';
import { renderedFiles, writeRenderedCorpus } from './validation/rendered-corpus';

const files = Number(process.env.BENCH_FILES ?? 5_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

/** The kinds of rendered/ by bytes, largest first (values files and all). */
function kindsByBytes(): string[] {
  const bytes = new Map<string, number>();
  for (const file of renderedFiles())
    bytes.set(file.kind, (bytes.get(file.kind) ?? 0) + file.content.length);
  return [...bytes].sort((a, b) => b[1] - a[1]).map(([kind]) => kind);
}

async function profile(label: string, kinds?: string[]): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'gitops-profile-'));
  try {
    const corpus = writeRenderedCorpus(join(directory, 'corpus'), files, kinds);
    const corpusDirectory = join(directory, 'corpus');
    const parse = ['node', parseOnlyScript(), corpusDirectory];
    const validate = validateCommand(corpusDirectory);
    await measure(validate);
    const samples: { parse: Sample[]; validate: Sample[] } = { parse: [], validate: [] };
    for (let i = 0; i < runs; i += 1) {
      samples.parse.push(await measure(parse));
      samples.validate.push(await measure(validate));
    }
    const profiles = join(directory, 'profiles');
    await measure(['node', `--cpu-prof`, `--cpu-prof-dir=${profiles}`, ...validate.slice(1)]);
    // One profile per thread, `CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile`: thread 0 validates.
    const thread = (name: string) => Number(name.split('.')[4]);
    const [main, reader] = readdirSync(profiles)
      .sort((a, b) => thread(a) - thread(b))
      .map((name) => join(profiles, name));
    const wall = (key: keyof typeof samples) => median(samples[key].map((s) => s.seconds));
    const cpu = (key: keyof typeof samples) => median(samples[key].map((s) => s.cpuSeconds));
    const format = ({ total, byCategory }: ReturnType<typeof profileCategories>) =>
      `${total.toFixed(0)} ms: ` +
      byCategory
        .filter(([, ms]) => ms >= 5)
        .map(([category, ms]) => `${category} ${ms.toFixed(0)}`)
        .join(', ');
    console.log(
      `${label}: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB; ` +
        `validate ${wall('validate').toFixed(2)} s (CPU ${cpu('validate').toFixed(2)}), ` +
        `parse-only ${wall('parse').toFixed(2)} s (CPU ${cpu('parse').toFixed(2)}), ` +
        `ratio ${(wall('validate') / wall('parse')).toFixed(2)}x (CPU ${(cpu('validate') / cpu('parse')).toFixed(2)}x); ${loadAverage()}\n` +
        `  validating thread ${format(profileCategories(main!))}\n` +
        (reader ? `  reader thread ${format(profileCategories(reader))}\n` : ''),
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await profile('every kind');
const chosen = process.env.BENCH_KINDS?.split(',') ?? kindsByBytes().slice(0, 8);
for (const kind of chosen) await profile(kind, [kind]);
