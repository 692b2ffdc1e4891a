import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '@platform/gitops';
import { installOnDemand } from './install-on-demand';
import {
  gitlabCiLocalState,
  linkDependencyCache,
  runMergeRequestPipeline,
  type PipelineRun,
} from './merge-request-pipeline';
import { scratchClone } from './scratch-clone';

/**
 * The real .gitlab-ci.yml, run by gitlab-ci-local 4.60 (the last line that supports Node 20) with
 * the shell executor (no images, no Docker), every job in its own copy, as a merge-request
 * pipeline in a scratch clone (runMergeRequestPipeline; tools/bench/src/mr-pipeline-bench.ts
 * times the same run).
 */
let gitlabCiLocal = '';
beforeAll(async () => {
  gitlabCiLocal = await installOnDemand(
    join(__dirname, '..', 'gitlab-ci-local'),
    'gitlab-ci-local',
  );
});

/** The pipeline with node_modules from the cache (a link to the checkout's), as a cache hit gives it. */
async function mergeRequestPipeline(root: string, diffBase: string) {
  if (!existsSync(join(root, gitlabCiLocalState, 'cache'))) {
    linkDependencyCache(root, join(repositoryRoot, 'node_modules'));
  }
  const run = await runMergeRequestPipeline(gitlabCiLocal, root, diffBase);
  // Every job restored node_modules from the cache instead of installing it.
  expect(run.output.match(/imported cache '0_node-modules-/g)?.length).toBe(run.jobs.length);
  expect(run.output).not.toMatch(/added \d+ packages/);
  return run;
}

const status = (run: PipelineRun) =>
  Object.fromEntries(run.jobs.map((job) => [job.job, job.passed ? 'passed' : 'failed']));

describe('.gitlab-ci.yml under gitlab-ci-local', () => {
  let clone: Awaited<ReturnType<typeof scratchClone>>;
  beforeAll(async () => {
    clone = await scratchClone('ci-local-pipeline-');
  });
  afterAll(() => clone?.dispose());

  it('is green on the repository as committed, for a merge request that changes one app', async () => {
    appendFileSync(
      join(clone.root, 'apps/karpenter/README.md'),
      '\nA one-app change made by the pipeline test.\n',
    );
    await clone.git('commit', '-qam', 'one-app change');
    const run = await mergeRequestPipeline(clone.root, clone.head);
    process.stdout.write(
      `merge-request pipeline for a one-app change: ${run.seconds.toFixed(1)} s\n`,
    );
    expect(status(run)).toEqual({
      'affected: [1/2]': 'passed',
      'affected: [2/2]': 'passed',
      drift: 'passed',
      'rendered-diff': 'passed',
    });
    expect(run.output).toContain('affected projects: karpenter');
    expect(run.exitCode).toBe(0);
    // A clean run prints no Node warnings (Nx's listener warning is silenced in .gitlab-ci.yml).
    expect(run.output).not.toMatch(/\(node:\d+\) \w*Warning/);
    const note = readFileSync(join(clone.root, 'rendered-diff.md'), 'utf8');
    expect(note).toMatch(/^### Rendered diff: no resource changes/);
    expect(run.output).toContain('GITOPS_DIFF_NOTE_TOKEN is not set');
  });

  it('is red when rendered/ is stale: a file deleted by hand and a file left behind', async () => {
    const renderedFiles = (await clone.git('ls-files', 'rendered/')).stdout
      .split('\n')
      .filter((f) => f.endsWith('.yaml'));
    const deleted = renderedFiles.find((f) => !f.endsWith('values.yaml'))!;
    rmSync(join(clone.root, deleted));
    const leftover = join(deleted.split('/').slice(0, -1).join('/'), 'leftover.yaml');
    writeFileSync(
      join(clone.root, leftover),
      readFileSync(join(clone.root, renderedFiles[1]!), 'utf8'),
    );
    await clone.git('add', '-A');
    await clone.git('commit', '-qm', 'hand edits under rendered/');
    const base = (await clone.git('rev-parse', 'HEAD~1')).stdout.trim();
    const run = await mergeRequestPipeline(clone.root, base);
    expect(run.exitCode).not.toBe(0);
    expect(status(run)).toMatchObject({ drift: 'failed' });
    expect(run.output).toContain(`missing  ${deleted}`);
    expect(run.output).toContain(`stale    ${leftover}`);
    expect(existsSync(join(clone.root, 'rendered-diff.txt'))).toBe(true);
  });
});
