import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';
import { workspaceWithRenderedCopy } from './testing/temporary-workspace';

let disposeWorkspace = () => {};
afterEach(() => {
  disposeWorkspace();
  vi.restoreAllMocks();
});

/** Runs the CLI in-process against a scratch copy of rendered/ and captures what it prints. */
async function gitops(args: string[], prepare: (root: string) => void = () => {}) {
  const workspace = workspaceWithRenderedCopy();
  disposeWorkspace = workspace.dispose;
  prepare(workspace.root);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => ((stderr += String(chunk)), true),
  );
  const code = await main(args, workspace.root);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe('gitops --help', () => {
  it('lists every command', async () => {
    const { code, stdout } = await gitops(['--help']);
    expect(code).toBe(0);
    for (const command of ['render', 'check', 'validate', 'policy'])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('rejects an unknown command or option with exit 2', async () => {
    expect((await gitops(['deploy'])).code).toBe(2);
    expect((await gitops(['render', '--force'])).code).toBe(2);
  });
});

describe('gitops check', () => {
  it('passes on the committed rendered/', async () => {
    const { code, stdout } = await gitops(['check']);
    expect(code).toBe(0);
    expect(stdout).toContain('check: passed');
  });

  it('fails listing each drifted file', async () => {
    const { code, stdout } = await gitops(['check'], (root) => {
      appendFileSync(
        join(root, 'rendered/ci/gitlab-runners/namespaces/namespace-ci-jobs.yaml'),
        '# hand edit\n',
      );
      writeFileSync(
        join(root, 'rendered/ci/gitlab-runners/namespaces/leftover.yaml'),
        '# left behind\n',
      );
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      'modified rendered/ci/gitlab-runners/namespaces/namespace-ci-jobs.yaml',
    );
    expect(stdout).toContain('stale    rendered/ci/gitlab-runners/namespaces/leftover.yaml');
    expect(stdout).toContain('check: FAILED');
  });

  it('fails on a committed file that breaks a policy rule, even when it is also drift', async () => {
    const { code, stdout } = await gitops(['check', '--json'], (root) => {
      writeFileSync(
        join(root, 'rendered/ci/gitlab-runners/namespaces/secret-ci-jobs-token.yaml'),
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: ci-jobs\nstringData:\n  token: glrt-abcdefghijklmnopqrst\n',
      );
    });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.passed).toBe(false);
    expect(report.policy.findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['no-secret-data', 'no-credentials']),
    );
    expect(report.drift).toContainEqual({
      path: 'rendered/ci/gitlab-runners/namespaces/secret-ci-jobs-token.yaml',
      kind: 'stale',
    });
  });
});

describe('gitops validate and policy', () => {
  it('scope to one app with --app, as the Nx targets call them', async () => {
    const validate = await gitops(['validate', '--app', 'gitlab-runners', '--engine', 'embedded']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('3 files');
    const policy = await gitops(['policy', '--app', 'gitlab-runners']);
    expect(policy.code).toBe(0);
    expect(policy.stdout).toContain('3 files');
  });

  it('exit 1 with file, line and field for a misspelt field', async () => {
    const { code, stdout } = await gitops(['validate', '--engine', 'embedded'], (root) => {
      const file = join(root, 'rendered/ci/gitlab-runners/namespaces/namespace-ci-jobs.yaml');
      appendFileSync(file, 'spec:\n  finalizerz: []\n');
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /rendered\/ci\/gitlab-runners\/namespaces\/namespace-ci-jobs\.yaml:\d+:\d+ {2}Namespace\/ci-jobs {2}spec\.finalizerz /,
    );
  });
});
