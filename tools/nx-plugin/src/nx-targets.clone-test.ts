import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = join(__dirname, '../../..');
const apps = ['argocd-root', 'gitlab-runners', 'karpenter', 'observability'];
let clone: string;

/** The environment without any NX_* setting of an outer Nx run (e.g. --skip-nx-cache), plus ours. */
const nxEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_'))),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
};

function nx(args: string[]) {
  return execa('node', [join(repositoryRoot, 'node_modules/nx/bin/nx.js'), ...args], {
    cwd: clone,
    extendEnv: false,
    env: {
      ...nxEnv,
      NX_CACHE_DIRECTORY: join(clone, '.nx/cache'),
      NX_WORKSPACE_DATA_DIRECTORY: join(clone, '.nx/workspace-data'),
    },
  });
}

/** Commits a one-line change to `file` in the clone and lists the projects Nx says it affects. */
async function affectedBy(file: string): Promise<string[]> {
  await execa('git', ['checkout', '-q', '--detach', 'base'], { cwd: clone });
  appendFileSync(join(clone, file), '\n// touched by affected-projects.test.ts\n');
  await execa('git', ['commit', '-qam', `touch ${file}`], { cwd: clone });
  const { stdout } = await nx(['show', 'projects', '--affected', '--base=base', '--head=HEAD']);
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'gitops-affected-'));
  await execa('git', ['clone', '-q', repositoryRoot, clone]);
  await execa('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'tag', 'base'], {
    cwd: clone,
  });
  await execa('git', ['config', 'user.name', 'test'], { cwd: clone });
  await execa('git', ['config', 'user.email', 'test@example.com'], { cwd: clone });
  symlinkSync(join(repositoryRoot, 'node_modules'), join(clone, 'node_modules'));
});

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe('nx affected', () => {
  it('lists only karpenter and argocd-root (which renders its Application) when a karpenter component changes', async () => {
    const affected = await affectedBy('apps/karpenter/src/controller/component.ts');
    expect(affected).toEqual(['argocd-root', 'karpenter']);
  });

  it('lists only argocd-root when one of its components changes', async () => {
    const affected = await affectedBy(
      'apps/argocd-root/src/cluster-registrations/cluster-secret.ts',
    );
    expect(affected).toEqual(['argocd-root']);
  });

  it('lists every app when the shared inventory changes', async () => {
    const affected = await affectedBy('libs/config/src/clusters/ci.ts');
    for (const app of apps) expect(affected).toContain(app);
    expect(affected).toContain('config');
  });

  it('lists every app when the render engine or CLI changes', async () => {
    const affected = await affectedBy('tools/gitops/src/render/render-pipeline.ts');
    for (const app of apps) expect(affected).toContain(app);
  });
});

describe('the render target', () => {
  it('replays an unchanged render from the cache, restoring its declared outputs', async () => {
    await execa('git', ['checkout', '-q', '--detach', 'base'], { cwd: clone });
    const valuesFile = join(clone, 'rendered/ci/karpenter/controller/values.yaml');
    const committed = readFileSync(valuesFile, 'utf8');
    const first = await nx(['run', 'karpenter:render', '--output-style=static']);
    expect(first.stdout).not.toContain('local cache');
    rmSync(join(clone, 'rendered/ci/karpenter'), { recursive: true });
    const second = await nx(['run', 'karpenter:render', '--output-style=static']);
    expect(second.stdout).toMatch(/local cache|from the cache/);
    expect(existsSync(valuesFile)).toBe(true);
    expect(readFileSync(valuesFile, 'utf8')).toBe(committed);
  });
});

describe('validate and policy after a render', () => {
  /** The first number in the line `<check>: N files, …` that an Nx run printed. */
  const filesChecked = (output: string, check: string) =>
    Number(new RegExp(`^${check}: (\\d+) files?,`, 'm').exec(output)?.[1]);

  it('re-run on the first run after a component changes, over the files render just wrote', async () => {
    await execa('git', ['checkout', '-q', '--detach', 'base'], { cwd: clone });
    const run = () =>
      nx([
        'run-many',
        '-t',
        'render',
        'validate',
        'policy',
        '-p',
        'karpenter',
        '--output-style=static',
      ]);
    const before = await run();
    const folder = join(clone, 'apps/karpenter/src/cache-probe');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'component.ts'),
      `import { namespaces } from '@platform/config';
import { defineComponent } from '@platform/core';

export default defineComponent({
  description: 'A ConfigMap that only this test adds.',
  clusters: 'workload',
  namespace: namespaces.karpenter,
  syncWave: 1,
  resources: (chart) =>
    void chart.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cache-probe', namespace: namespaces.karpenter },
      data: { probe: 'yes' },
    }),
});
`,
    );
    try {
      const after = await run();
      for (const check of ['validate', 'policy']) {
        expect(after.stdout).toMatch(new RegExp(`nx run karpenter:${check}\\n`));
        expect(after.stdout).not.toMatch(new RegExp(`nx run karpenter:${check} +\\[`));
        expect(filesChecked(after.stdout, check)).toBe(filesChecked(before.stdout, check) + 1);
      }
      // Unchanged since: both replay, about the same files.
      const again = await run();
      for (const check of ['validate', 'policy'])
        expect(again.stdout).toMatch(
          new RegExp(
            `nx run karpenter:${check} +\\[(local cache|existing outputs match the cache)`,
          ),
        );
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await execa('git', ['checkout', '-q', '--', 'rendered'], { cwd: clone });
      await execa('git', ['clean', '-qfd', 'rendered'], { cwd: clone });
    }
  });
});
