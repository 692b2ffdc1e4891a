import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';
import { fixtureWorkspace } from './testing/fixture-workspace';

let disposeWorkspace = () => {};
afterEach(() => {
  disposeWorkspace();
  vi.restoreAllMocks();
});

/**
 * Runs the CLI in-process, as a user would, in a fixture workspace that `gitops render` has
 * rendered, and captures what it prints.
 */
async function gitops(args: string[], prepare: (root: string) => void = () => {}) {
  const workspace = fixtureWorkspace();
  disposeWorkspace = workspace.dispose;
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  expect(await main(['render'], workspace.root)).toBe(0);
  vi.restoreAllMocks();
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

describe('gitops render', () => {
  it('counts what it wrote in words: 1 file, 5 files', async () => {
    expect((await gitops(['render', '--app', 'platform'])).stdout).toBe(
      'rendered 1 file into rendered/ci/platform\n',
    );
    expect((await gitops(['render'])).stdout).toMatch(/^rendered 5 files into /);
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
        join(root, 'rendered/ci/platform/namespaces/namespace-platform.yaml'),
        '# hand edit\n',
      );
      writeFileSync(join(root, 'rendered/ci/platform/namespaces/leftover.yaml'), '# left behind\n');
    });
    expect(code).toBe(1);
    expect(stdout).toContain('modified rendered/ci/platform/namespaces/namespace-platform.yaml');
    expect(stdout).toContain('stale    rendered/ci/platform/namespaces/leftover.yaml');
    expect(stdout).toContain('drift: 2 files in rendered/ differ from a fresh render:');
    expect(stdout).toContain('check: FAILED');
  });

  it('counts one drifted file in the singular', async () => {
    const { stdout } = await gitops(['check'], (root) => {
      writeFileSync(join(root, 'rendered/ci/platform/namespaces/leftover.yaml'), '# left behind\n');
    });
    expect(stdout).toContain('drift: 1 file in rendered/ differs from a fresh render:');
  });

  it('fails on a committed file that breaks a policy rule, even when it is also drift', async () => {
    const { code, stdout } = await gitops(['check', '--json'], (root) => {
      writeFileSync(
        join(root, 'rendered/ci/platform/namespaces/secret-platform-token.yaml'),
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: platform\nstringData:\n  token: glrt-abcdefghijklmnopqrst\n',
      );
    });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.passed).toBe(false);
    expect(report.policy.findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['no-secret-data', 'no-credentials']),
    );
    expect(report.drift).toContainEqual({
      path: 'rendered/ci/platform/namespaces/secret-platform-token.yaml',
      kind: 'stale',
    });
  });
});

describe('gitops check and render agree on files no render makes', () => {
  it('a stray file directly under rendered/: check says to render, and the render removes it', async () => {
    const workspace = fixtureWorkspace();
    disposeWorkspace = workspace.dispose;
    const quiet = () => vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    quiet();
    expect(await main(['render'], workspace.root)).toBe(0);
    writeFileSync(join(workspace.root, 'rendered/notes.yaml'), '# left behind\n');
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
    expect(await main(['check'], workspace.root)).toBe(1);
    expect(stdout).toContain('stale    rendered/notes.yaml');
    expect(stdout).toContain('Run `npx gitops render` and commit rendered/.');
    vi.restoreAllMocks();
    quiet();
    expect(await main(['render'], workspace.root)).toBe(0);
    vi.restoreAllMocks();
    quiet();
    expect(await main(['check'], workspace.root)).toBe(0);
    vi.restoreAllMocks();
  });
});

describe('gitops check: monitors and runbooks', () => {
  it('fails on a runbook no DatadogMonitor links, naming the file', async () => {
    const { code, stdout } = await gitops(['check', '--json'], (root) => {
      mkdirSync(join(root, 'docs/runbooks/platform'), { recursive: true });
      writeFileSync(join(root, 'docs/runbooks/platform/orphan.md'), '# Orphan\n');
    });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.monitoring.findings).toContainEqual(
      expect.objectContaining({
        file: 'docs/runbooks/platform/orphan.md',
        rule: 'monitor-runbook',
        message: 'no DatadogMonitor links this runbook: delete it or link it',
      }),
    );
  });
});

describe('gitops validate and policy', () => {
  it('scope to one app with --app, as the Nx targets call them', async () => {
    const validate = await gitops(['validate', '--app', 'platform', '--engine', 'embedded']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('1 file');
    const policy = await gitops(['policy', '--app', 'platform']);
    expect(policy.code).toBe(0);
    expect(policy.stdout).toContain('1 file');
  });

  it('exit 1 with file, line and field for a misspelt field', async () => {
    const { code, stdout } = await gitops(['validate', '--engine', 'embedded'], (root) => {
      const file = join(root, 'rendered/ci/platform/namespaces/namespace-platform.yaml');
      appendFileSync(file, 'spec:\n  finalizerz: []\n');
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /rendered\/ci\/platform\/namespaces\/namespace-platform\.yaml:\d+:\d+ {2}Namespace\/platform {2}spec\.finalizerz /,
    );
  });
});
