// Merge-request pipeline benchmark: the real .gitlab-ci.yml under gitlab-ci-local (shell executor,
// every job in its own copy, as tools/ci-local's test runs it) for a one-app change, dependencies
// cached (target < 60 s). Run: npx tsx tools/bench/src/mr-pipeline-bench.ts   (BENCH_RUNS, default 3)
//
// In a scratch clone of HEAD, on a branch `one-app-change`:
// - the node_modules cache is a hit (a link to this checkout's node_modules, see linkDependencyCache);
// - the Nx cache holds what main's pipeline left for the projects the change affects: their
//   render, validate, policy and test tasks run at the base commit into the branch's Nx cache
//   entry (GitLab's `fallback_keys` would restore main's; gitlab-ci-local has no fallback keys);
// - the change is the test's: a line in apps/karpenter/README.md, committed.
// Each run starts from that state again. A trivial pipeline of the same jobs (`true` as script, no
// cache) measures gitlab-ci-local's own floor. Prints wall time and every job's duration.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { load } from 'js-yaml';
import { repositoryRoot } from '@platform/gitops';
import {
  cleanEnvironment,
  gitlabCiLocalState,
  installOnDemand,
  linkDependencyCache,
  runMergeRequestPipeline,
  scratchClone,
  type PipelineRun,
} from '@platform/ci-local';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const branch = 'one-app-change';
const nxCacheEntry = join(gitlabCiLocalState, 'cache', `nx-${branch}`);

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the change's affected tasks at the base commit into the branch's Nx cache entry. */
async function seedNxCache(root: string, git: (...args: string[]) => Promise<unknown>) {
  const nx = (...args: string[]) =>
    execa('npx', ['nx', ...args], {
      cwd: root,
      env: {
        ...cleanEnvironment(),
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        NX_TUI: 'false',
        // Both: Nx 21 only replays artifacts its database (named after /etc/machine-id) records.
        NX_CACHE_DIRECTORY: join(root, nxCacheEntry, '.nx/cache'),
        NX_WORKSPACE_DATA_DIRECTORY: join(root, nxCacheEntry, '.nx/workspace-data'),
      },
      extendEnv: false,
    });
  const affected = JSON.parse(
    (await nx('show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json')).stdout,
  ) as string[];
  await git('checkout', '-q', 'HEAD~1');
  const projects = affected.join(',');
  process.stdout.write(`seeding the Nx cache at the base commit: ${projects}\n`);
  await nx('run-many', '-t', 'render', 'validate', 'policy', 'test', `--projects=${projects}`);
  await git('checkout', '-q', branch);
  cpSync(join(root, nxCacheEntry), join(root, '.bench-nx-seed'), { recursive: true });
}

/** The same jobs (names, parallel) with `true` as their only script and no cache. */
function writeFloorPipeline(root: string): string {
  const config = load(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const jobs = Object.entries(config).filter(
    ([, job]) => typeof job === 'object' && 'script' in job,
  );
  const floor = jobs
    .map(([name, job]) =>
      [
        `${name}:`,
        ...(job.parallel ? [`  parallel: ${String(job.parallel)}`] : []),
        `  script: ['true']`,
      ].join('\n'),
    )
    .join('\n');
  writeFileSync(join(root, 'floor.gitlab-ci.yml'), `${floor}\n`);
  return 'floor.gitlab-ci.yml';
}

function report(label: string, samples: PipelineRun[]) {
  const wall = median(samples.map((run) => run.seconds));
  console.log(
    `${label}: median ${wall.toFixed(1)} s of ${samples.length} (${samples.map((r) => r.seconds.toFixed(1)).join(', ')})`,
  );
  for (const job of samples[0]!.jobs) {
    const times = samples.map((run) => run.jobs.find((j) => j.job === job.job)?.seconds ?? NaN);
    console.log(`  ${job.job.padEnd(18)} median ${median(times).toFixed(1)} s`);
  }
}

const gitlabCiLocal = await installOnDemand(
  join(repositoryRoot, 'tools/ci-local/gitlab-ci-local'),
  'gitlab-ci-local',
);
const clone = await scratchClone('mr-pipeline-bench-');
try {
  const { root, git } = clone;
  await git('checkout', '-q', '-b', branch);
  await execa(
    'sh',
    ['-c', 'echo "\nA one-app change made by the pipeline benchmark." >> apps/karpenter/README.md'],
    { cwd: root },
  );
  await git('commit', '-qam', 'one-app change');
  const base = (await git('rev-parse', 'HEAD~1')).stdout.trim();
  await seedNxCache(root, git);
  linkDependencyCache(root, join(repositoryRoot, 'node_modules'));
  const floorFile = writeFloorPipeline(root);
  const pipeline: PipelineRun[] = [];
  const floor: PipelineRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    // Paired: the floor beside each real run, so machine load hits both alike.
    floor.push(await runMergeRequestPipeline(gitlabCiLocal, root, base, ['--file', floorFile]));
    rmSync(join(root, nxCacheEntry), { recursive: true, force: true });
    cpSync(join(root, '.bench-nx-seed'), join(root, nxCacheEntry), { recursive: true });
    const run = await runMergeRequestPipeline(gitlabCiLocal, root, base);
    if (run.exitCode !== 0) throw new Error(`the pipeline failed:\n${run.output}`);
    if (!run.output.includes("imported cache '0_node-modules-"))
      throw new Error('the node_modules cache was not a hit');
    pipeline.push(run);
  }
  const { stdout: load } = await execa('uptime');
  report('merge-request pipeline, one-app change, dependencies cached', pipeline);
  report('floor: the same jobs running `true`', floor);
  console.log(`load: ${load.trim()}`);
} finally {
  if (process.env.BENCH_KEEP) console.log(`scratch clone kept: ${clone.root}`);
  else clone.dispose();
}
