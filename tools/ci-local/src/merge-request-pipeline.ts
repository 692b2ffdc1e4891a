import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { cleanEnvironment } from './scratch-clone';

/** Where gitlab-ci-local keeps caches, artifacts and job directories, relative to the project. */
export const gitlabCiLocalState = '.gitlab-ci-local';

/**
 * Makes the node_modules cache a hit, as GitLab's cache would restore it: the cache entry that
 * `.gitlab-ci.yml` names first in every job (key prefix `node-modules`, files package-lock.json)
 * holds node_modules as a link to `nodeModules`. gitlab-ci-local copies a cache into each job's
 * directory with rsync, which copies the link, not the 28,000 files behind it (GitLab extracts
 * an archive instead; a job never writes the cache back in a merge-request pipeline).
 */
export function linkDependencyCache(root: string, nodeModules: string): void {
  // gitlab-ci-local names a files-keyed cache `<index>_<prefix>-<sha1 of the files' sha1s>`.
  const lockfileSha = createHash('sha1')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');
  const name = `0_node-modules-${createHash('sha1').update(lockfileSha).digest('hex')}`;
  const entry = join(root, gitlabCiLocalState, 'cache', name);
  mkdirSync(entry, { recursive: true });
  symlinkSync(nodeModules, join(entry, 'node_modules'));
}

export interface JobResult {
  job: string;
  passed: boolean;
  seconds: number;
}

export interface PipelineRun {
  exitCode: number;
  output: string;
  seconds: number;
  jobs: JobResult[];
}

/**
 * The real .gitlab-ci.yml as a merge-request pipeline, run by gitlab-ci-local with the shell
 * executor (no images, no Docker), every job in a copy of its own (`--shell-isolation`), as GitLab
 * gives every job its own checkout: parallel jobs sharing one directory would let one job's render
 * hide another's drift.
 */
export async function runMergeRequestPipeline(
  gitlabCiLocal: string,
  root: string,
  diffBase: string,
  extraArguments: string[] = [],
): Promise<PipelineRun> {
  const started = Date.now();
  const result = await execa(
    gitlabCiLocal,
    [
      '--force-shell-executor',
      '--shell-isolation',
      // Job durations in the closing table (jobResults) and elapsed time on every line.
      '--timestamps',
      '--variable',
      'CI_PIPELINE_SOURCE=merge_request_event',
      '--variable',
      `CI_MERGE_REQUEST_DIFF_BASE_SHA=${diffBase}`,
      '--variable',
      'CI_DEFAULT_BRANCH=main',
      ...extraArguments,
    ],
    {
      cwd: root,
      reject: false,
      all: true,
      env: { ...cleanEnvironment(), NO_COLOR: '1' },
      extendEnv: false,
    },
  );
  const output = result.all ?? '';
  return {
    exitCode: result.exitCode ?? 1,
    output,
    seconds: (Date.now() - started) / 1000,
    jobs: jobResults(output),
  };
}

/** gitlab-ci-local's closing table: ` PASS  [12.3 s] drift` or ` FAIL  [1.2 min] affected: [1/2]`. */
export function jobResults(output: string): JobResult[] {
  const lines = output.matchAll(/^\s*(PASS|FAIL|WARN)\s+\[\s*([\d.]+) (ms|s|min)\]\s+(.+?)\s*$/gm);
  return [...lines].map(([, status, amount, unit, job]) => ({
    job: job!,
    passed: status !== 'FAIL',
    seconds: Number(amount) * (unit === 'min' ? 60 : unit === 'ms' ? 0.001 : 1),
  }));
}
