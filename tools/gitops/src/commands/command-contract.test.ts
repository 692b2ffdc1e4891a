import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main';
import { repositoryRoot } from '../workspace/repository-root';

/**
 * One CLI contract for validate and policy: the same exit code for the same input, every bad
 * input a located finding, usage errors 2, and under --json exactly one JSON document on stdout.
 */
let root: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gitops-contract-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => ((stderr += String(chunk)), true),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, content: string | Buffer): string {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
  return absolute;
}

async function run(args: string[]) {
  stdout = '';
  stderr = '';
  const code = await main(args, root);
  return { code, stdout, stderr };
}

const privilegedPodList = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: root
      namespace: shop
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:1.27
`;

const badFiles: [string, string | Buffer, RegExp][] = [
  ['a scalar document', 'just text\n', /must be a mapping|not a Kubernetes resource/],
  ['a null document', 'null\n', /no resources found/],
  ['an empty file', '', /no resources found/],
  ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
  ['a file that is not YAML', 'a: [1, 2\nb: {\n', /YAML/],
];

describe('validate and policy agree on every bad input', () => {
  for (const [name, content, expected] of badFiles) {
    for (const command of ['validate', 'policy']) {
      it(`${command}: ${name} exits 1 with a finding or message naming it`, async () => {
        const file = write('in/file.yaml', content);
        const text = await run([command, file]);
        expect(text.code).toBe(1);
        expect(`${text.stdout}${text.stderr}`).toMatch(expected);
        const json = await run([command, file, '--json']);
        expect(json.code).toBe(1);
        expect(() => JSON.parse(json.stdout)).not.toThrow();
      });
    }
  }

  it('policy sees the Pod inside a kind: List, as validate does', async () => {
    const file = write('in/list.yaml', privilegedPodList);
    const { code, stdout: out } = await run(['policy', file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      findings: { rule: string; line: number; resource: string }[];
    };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'pss-baseline', line: 10, resource: 'Pod/shop/root' }),
    );
  });

  for (const command of ['validate', 'policy']) {
    it(`${command}: a missing path and an unknown --app are usage errors (2), one JSON document under --json`, async () => {
      expect((await run([command, join(root, 'nowhere')])).code).toBe(2);
      expect(stderr).toContain('no such file or directory');
      const missing = await run([command, join(root, 'nowhere'), '--json']);
      expect(missing.code).toBe(2);
      expect(JSON.parse(missing.stdout)).toMatchObject({ command, exitCode: 2 });
      write(
        'rendered/ci/app/c/namespace-a.yaml',
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
      );
      const unknownApp = await run([command, '--app', 'nosuch', '--json']);
      expect(unknownApp.code).toBe(2);
      expect(JSON.parse(unknownApp.stdout)).toMatchObject({
        error: 'nothing rendered for app nosuch',
      });
    });
  }

  it('an unknown command or option under --json still prints one JSON document', async () => {
    const unknown = await run(['deploy', '--json']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ exitCode: 2 });
    const badOption = await run(['validate', '--frobnicate', '--json']);
    expect(badOption.code).toBe(2);
    expect(JSON.parse(badOption.stdout)).toMatchObject({ exitCode: 2 });
  });
});

describe('output read by scripts and people', () => {
  /** The CLI as a new process, as Nx and CI start it, with stdout and stderr piped (no terminal). */
  const gitopsProcess = (args: string[], env: Record<string, string>) =>
    execa('node', [join(repositoryRoot, 'tools/gitops/bin/gitops.mjs'), ...args], {
      reject: false,
      // Outer settings (an Nx task's FORCE_COLOR, npm's NODE_OPTIONS) would decide the result.
      env: { ...withoutColourSettings(process.env), ...env },
      extendEnv: false,
    });

  it('has no colour codes and no warnings on a pipe, even with NO_COLOR and FORCE_COLOR both set (Nx sets FORCE_COLOR for every task)', async () => {
    const file = write(
      'in/namespace.yaml',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labelz: {}\n',
    );
    const settings: Record<string, string>[] = [{}, { NO_COLOR: '1', FORCE_COLOR: 'true' }];
    for (const env of settings) {
      const result = await gitopsProcess(['validate', '--engine', 'embedded', file], env);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('metadata.labelz');
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\x1b\[/);
      expect(result.stderr).toBe('');
    }
  });

  it('counts in words: 1 file, 2 files', async () => {
    const one = write(
      'one/namespace.yaml',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    );
    expect((await run(['policy', one])).stdout).toMatch(/^policy: 1 file, 1 resource,/m);
    write('one/other.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n');
    expect((await run(['validate', '--engine', 'embedded', join(root, 'one')])).stdout).toMatch(
      /^validate: 2 files, 2 resources,/m,
    );
  });
});

function withoutColourSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS'].includes(entry[0]),
    ),
  );
}
