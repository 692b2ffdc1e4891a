import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshClone } from '../testing/fresh-clone';
import { repositoryRoot } from './repository-root';

/**
 * The README's commands and steps, done as a new user would in a fresh clone of the committed
 * repository (in a path with a space): its first command, "add a component" with the file exactly
 * as the README writes it, "add a cluster", a routine capacity change, and the apps' and
 * libraries' tests afterwards. Run by `npm run test:clone`, not `npm test`: each step is whole
 * processes, minutes on a 2-core machine.
 */
let clone: string;

/** The environment without what vitest or an outer Nx run set (e.g. --skip-nx-cache). */
const environment = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(VITEST|NX_|TEST$|NODE_OPTIONS$)/.test(key)),
) as Record<string, string>;

const inClone = (command: string, args: string[]) =>
  execa(command, args, {
    cwd: clone,
    reject: false,
    env: environment,
    extendEnv: false,
    stripFinalNewline: false,
  });

const gitops = (...args: string[]) => inClone('node', ['tools/gitops/bin/gitops.mjs', ...args]);

const changedPaths = async () =>
  (await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: clone })).stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));

/** The README's "add a component" step: the path it names and the file it shows, as written. */
function readmeComponentExample(): { path: string; source: string } {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How to add a component'));
  const path = /`(apps\/[^`]+\/component\.ts)`/.exec(section)?.[1];
  const block = /\n( *)```ts\n([\s\S]*?)\n *```\n/.exec(section);
  if (!path || !block)
    throw new Error('README: "How to add a component" has no path or no ts block');
  const indent = block[1]!;
  const source = block[2]!
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
  return { path, source: `${source}\n` };
}

beforeAll(async () => {
  clone = await freshClone('gitops new user');
});

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe("the README's steps in a fresh clone", () => {
  it('npm run main (the quick start, after its npm ci) passes and changes nothing', async () => {
    const main = await inClone('npm', ['run', 'main']);
    expect(main.exitCode, main.stdout.slice(-3000) + main.stderr.slice(-3000)).toBe(0);
    expect(main.stdout).toContain('check: passed');
    expect(await changedPaths()).toEqual([]);
  });

  it('check never answers from an older render: a changed component value is drift until rendered', async () => {
    const file = join(clone, 'apps/karpenter/src/controller/component.ts');
    const source = readFileSync(file, 'utf8');
    expect((await gitops('check')).stdout).toContain('check: passed');
    // The same inputs again: answered from the render memo, with the same verdict.
    expect((await gitops('check')).stdout).toContain('check: passed');
    // A chart value: the component bundle, the Helm inflation and the render all change.
    expect(source).toContain('replicas: 2,');
    writeFileSync(file, source.replace('replicas: 2,', 'replicas: 3,'));
    const changed = await gitops('check');
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout).toContain(
      'modified rendered/ci/karpenter/controller/deployment-kube-system-karpenter.yaml',
    );
    writeFileSync(file, source);
    expect((await gitops('check')).stdout).toContain('check: passed');
  });

  it('add a component: the README file, as written, reaches rendered/ with its Application', async () => {
    const example = readmeComponentExample();
    const component = example.path.split('/').at(-2)!;
    const app = example.path.split('/')[1]!;
    mkdirSync(dirname(join(clone, example.path)), { recursive: true });
    writeFileSync(join(clone, example.path), example.source);
    const render = await gitops('render');
    expect(render.stderr).toBe('');
    expect(render.exitCode).toBe(0);
    const changed = await changedPaths();
    expect(
      changed.every((p) => p.startsWith(`apps/${app}/`) || p.startsWith('rendered/')),
      changed.join('\n'),
    ).toBe(true);
    expect(changed).toContain(
      `rendered/ci/${app}/${component}/configmap-observability-example-settings.yaml`,
    );
    expect(changed).toContain(
      `rendered/mgmt/argocd-root/app-of-apps/application-argocd-ci-${app}-${component}.yaml`,
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

  it('a routine capacity change (a size class and the peak): render regenerates the capacity documents and check passes', async () => {
    const file = join(clone, 'libs/config/src/ci-jobs/job-size-classes.ts');
    const before = readFileSync(file, 'utf8');
    const concurrent = Number(/concurrentJobsPerPipeline: (\d+)/.exec(before)![1]);
    writeFileSync(
      file,
      before
        .replace(/concurrentJobsPerPipeline: \d+/, `concurrentJobsPerPipeline: ${concurrent + 10}`)
        .replace("service: { cpu: '1', memory: '2Gi' }", "service: { cpu: '1', memory: '3Gi' }"),
    );
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    const svgBefore = readFileSync(join(clone, 'docs/capacity.svg'), 'utf8');
    const render = await gitops('render');
    expect(render.exitCode, render.stderr).toBe(0);
    expect(render.stdout).toContain('regenerated docs/capacity-report.txt');
    expect(readFileSync(join(clone, 'docs/capacity.svg'), 'utf8')).not.toBe(svgBefore);
    const capacity = await gitops('capacity', '--cluster', 'ci');
    expect(capacity.exitCode).toBe(0);
    expect(readFileSync(join(clone, 'docs/capacity-report.txt'), 'utf8')).toBe(capacity.stdout);
    const check = await gitops('check');
    expect(check.stdout).toContain('check: passed');
  });

  it("keeps the apps', libraries' and CLI's own tests green after these steps", async () => {
    const suite = await execa(
      'node',
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        'apps',
        'libs',
        'tools/gitops/src/commands/capacity',
        'tools/gitops/src/render/generated-documents.test.ts',
      ],
      { cwd: clone, reject: false, env: { ...environment, NO_COLOR: '1' }, extendEnv: false },
    );
    const failures = suite.stdout
      .split('\n')
      .filter((line) => /FAIL|×|AssertionError|Error:/.test(line))
      .join('\n');
    expect(suite.exitCode, failures || suite.stdout.slice(-3000)).toBe(0);
  });
});
