import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installOnDemand } from './install-on-demand';
import { cleanEnvironment, scratchClone } from './scratch-clone';

/**
 * The real .gitlab-ci.yml, run by gitlab-ci-local 4.60 (the last line that supports Node 20) with
 * the shell executor (no images, no Docker) as a merge-request pipeline in a scratch clone.
 */
let gitlabCiLocal = '';
beforeAll(async () => {
  gitlabCiLocal = await installOnDemand(
    join(__dirname, '..', 'gitlab-ci-local'),
    'gitlab-ci-local',
  );
});

async function mergeRequestPipeline(root: string, diffBase: string) {
  const started = Date.now();
  const result = await execa(
    gitlabCiLocal,
    [
      '--force-shell-executor',
      // Each job in a copy of its own, as GitLab gives every job its own checkout: without it,
      // parallel jobs share one directory and one job's render hides another's drift.
      '--shell-isolation',
      '--variable',
      'CI_PIPELINE_SOURCE=merge_request_event',
      '--variable',
      `CI_MERGE_REQUEST_DIFF_BASE_SHA=${diffBase}`,
      '--variable',
      'CI_DEFAULT_BRANCH=main',
    ],
    {
      cwd: root,
      reject: false,
      all: true,
      env: { ...cleanEnvironment(), NO_COLOR: '1' },
      extendEnv: false,
    },
  );
  return {
    exitCode: result.exitCode,
    output: result.all ?? '',
    seconds: (Date.now() - started) / 1000,
  };
}

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
    expect(run.output).toMatch(/PASS\s+affected: \[1\/2\]/);
    expect(run.output).toMatch(/PASS\s+affected: \[2\/2\]/);
    expect(run.output).toMatch(/PASS\s+drift/);
    expect(run.output).toMatch(/PASS\s+rendered-diff/);
    expect(run.output).toContain('affected projects: karpenter');
    expect(run.exitCode).toBe(0);
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
    expect(run.output).toMatch(/FAIL\s+drift/);
    expect(run.output).toContain(`missing  ${deleted}`);
    expect(run.output).toContain(`stale    ${leftover}`);
    expect(existsSync(join(clone.root, 'rendered-diff.txt'))).toBe(true);
  });
});
