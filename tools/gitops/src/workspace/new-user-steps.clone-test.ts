import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './repository-root';

/**
 * The README's "add a component" and "add a cluster" steps, done as a new user would in a fresh
 * clone of the committed repository: edit only where the README says, render, and see `gitops
 * check` and the apps' and libraries' tests stay green.
 */
let clone: string;

const gitops = (...args: string[]) =>
  execa('node', ['tools/gitops/bin/gitops.mjs', ...args], { cwd: clone, reject: false });

const changedPaths = async () =>
  (await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: clone })).stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));

beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'gitops-new-user-'));
  await execa('git', ['clone', '-q', repositoryRoot, clone]);
  symlinkSync(join(repositoryRoot, 'node_modules'), join(clone, 'node_modules'));
  writeFileSync(join(clone, '.git/info/exclude'), 'node_modules\n');
});

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe("the README's steps in a fresh clone", () => {
  it('add a component: one folder under apps/observability reaches rendered/ with its Application', async () => {
    const folder = join(clone, 'apps/observability/src/example-settings');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'component.ts'),
      `import { namespaces } from '@platform/config';
import { defineComponent } from '@platform/core';

export default defineComponent({
  description: 'Settings read by the node agents.',
  clusters: 'workload',
  namespace: namespaces.observability,
  syncWave: 1,
  resources: (chart) =>
    void chart.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'example-settings', namespace: namespaces.observability },
      data: { level: 'info' },
    }),
});
`,
    );
    const render = await gitops('render');
    expect(render.stderr).toBe('');
    expect(render.exitCode).toBe(0);
    const changed = await changedPaths();
    expect(
      changed.every((p) => p.startsWith('apps/observability/') || p.startsWith('rendered/')),
      changed.join('\n'),
    ).toBe(true);
    expect(changed).toContain(
      'rendered/ci/observability/example-settings/configmap-observability-example-settings.yaml',
    );
    expect(changed).toContain(
      'rendered/mgmt/argocd-root/app-of-apps/application-argocd-ci-observability-example-settings.yaml',
    );
    const check = await gitops('check');
    expect(check.stdout).toContain('check: passed');
  });

  it('add a cluster: a file in libs/config/src/clusters renders its full tree', async () => {
    const ci = readFileSync(join(clone, 'libs/config/src/clusters/ci.ts'), 'utf8');
    writeFileSync(
      join(clone, 'libs/config/src/clusters/ci-two.ts'),
      ci
        .replace('export const ci: ClusterSpec', 'export const ciTwo: ClusterSpec')
        .replace("name: 'ci'", "name: 'ci-two'")
        .replace("clusterName: 'platform-ci'", "clusterName: 'platform-ci-two'")
        .replaceAll('10.20.', '10.253.')
        .replaceAll("name: 'ci-nodes-", "name: 'ci-two-nodes-")
        .replaceAll("name: 'ci-public-", "name: 'ci-two-public-"),
    );
    const index = join(clone, 'libs/config/src/clusters/index.ts');
    writeFileSync(
      index,
      readFileSync(index, 'utf8')
        .replace(
          "import { ci } from './ci';",
          "import { ci } from './ci';\nimport { ciTwo } from './ci-two';",
        )
        .replace('[mgmt, ci]', '[mgmt, ci, ciTwo]'),
    );
    const render = await gitops('render');
    expect(render.stderr).toBe('');
    expect(render.exitCode).toBe(0);
    const components = (cluster: string) =>
      readdirSync(join(clone, 'rendered', cluster)).flatMap((app) =>
        readdirSync(join(clone, 'rendered', cluster, app)).map((c) => `${app}/${c}`),
      );
    expect(components('ci-two').sort()).toEqual(components('ci').sort());
    expect(
      existsSync(
        join(
          clone,
          'rendered/mgmt/argocd-root/cluster-registrations/secret-argocd-cluster-ci-two.yaml',
        ),
      ),
    ).toBe(true);
    expect(
      existsSync(
        join(
          clone,
          'rendered/mgmt/argocd-root/app-of-apps/application-argocd-ci-two-karpenter-controller.yaml',
        ),
      ),
    ).toBe(true);
    const karpenter = readFileSync(
      join(clone, 'rendered/ci-two/karpenter/controller/deployment-kube-system-karpenter.yaml'),
      'utf8',
    );
    expect(karpenter).toContain('platform-ci-two');
    const check = await gitops('check');
    expect(check.stdout).toContain('check: passed');
  });

  it("keeps the apps' and libraries' tests green after both steps", async () => {
    const suite = await execa('node', ['node_modules/vitest/vitest.mjs', 'run', 'apps', 'libs'], {
      cwd: clone,
      reject: false,
      env: { CI: 'true', NO_COLOR: '1' },
    });
    expect(suite.exitCode, suite.stdout.slice(-3000)).toBe(0);
  });
});
