import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { RenderError, UnknownScopeError, defineComponent } from '@platform/core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChecks } from './render-checks';
import {
  emptyWorkspace,
  noCharts,
  settingsComponent,
  testCatalog,
  testInventory,
  vendoredChartComponent,
} from '../testing/fixture-catalog';
import { treeFingerprint } from '../testing/tree-fingerprint';
import { repositoryRoot } from '../workspace/repository-root';
import { helmChartInflater } from './helm-chart-inflater';
import { checkPolicy } from '@platform/policy';
import {
  RenderAborted,
  renderInMemory,
  renderToDisk,
  type RenderPipelineOptions,
} from './render-pipeline';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((dispose) => dispose());
  cleanups = [];
});

/** A scratch root already holding a render of the test catalog. */
async function renderedWorkspace() {
  const workspace = emptyWorkspace();
  cleanups.push(workspace.dispose);
  await renderToDisk(options(workspace.root));
  return workspace.root;
}

function options(root: string, extra: Partial<RenderPipelineOptions> = {}): RenderPipelineOptions {
  return { root, catalog: testCatalog(), inventory: testInventory, inflate: noCharts, ...extra };
}

const fingerprint = (root: string) => treeFingerprint(join(root, 'rendered'));

describe('a failed render leaves rendered/ exactly as it was', () => {
  it('when a component throws, naming its file and cluster', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    const catalog = testCatalog({
      'platform/settings': defineComponent({
        description: 'throws',
        clusters: 'workload',
        namespace: 'platform',
        syncWave: 1,
        resources: () => {
          throw new Error('boom: bad typed input');
        },
      }),
    });
    const render = renderToDisk(options(root, { catalog }));
    await expect(render).rejects.toThrow(RenderError);
    await expect(render).rejects.toThrow(
      'apps/platform/src/settings/component.ts (cluster ci-one): threw: boom: bad typed input',
    );
    expect(fingerprint(root)).toEqual(before);
    expect(existsSync(join(root, '.gitops-tmp'))).toBe(false);
  });

  it('when a check reports an error, even though every app rendered fine', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    const failingCheck = () => [
      {
        file: 'rendered/ci-one/x.yaml',
        line: 1,
        column: 1,
        resource: 'Namespace/x',
        field: '',
        message: 'invented failure',
        severity: 'error' as const,
        rule: 'test',
      },
    ];
    await expect(renderToDisk(options(root, { checks: [failingCheck] }))).rejects.toThrow(
      RenderAborted,
    );
    expect(fingerprint(root)).toEqual(before);
  });
});

const settingsFile = 'rendered/ci-one/platform/settings/configmap-platform-settings.yaml';
const namespaceFile = 'rendered/ci-one/platform/namespaces/namespace-platform.yaml';
const rootFile = 'rendered/hub/root/apps/configmap-argocd-root.yaml';

describe('writing rendered/', () => {
  it('leaves every file alone when nothing changed: the same inode, not a rewrite', async () => {
    const root = await renderedWorkspace();
    const inodes = [settingsFile, namespaceFile, rootFile].map((f) => statSync(join(root, f)).ino);
    await renderToDisk(options(root));
    expect([settingsFile, namespaceFile, rootFile].map((f) => statSync(join(root, f)).ino)).toEqual(
      inodes,
    );
  });

  it('replaces only the files whose bytes changed', async () => {
    const root = await renderedWorkspace();
    const namespaceInode = statSync(join(root, namespaceFile)).ino;
    const catalog = testCatalog({ 'platform/settings': settingsComponent({ level: 'debug' }) });
    await renderToDisk(options(root, { catalog }));
    expect(readFileSync(join(root, settingsFile), 'utf8')).toContain('level: debug');
    expect(statSync(join(root, namespaceFile)).ino).toBe(namespaceInode);
  });

  it('puts back every file it had replaced when a later write fails', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    // The settings file is written before the new file below (paths in order); a directory where
    // the new file must go makes that second write fail.
    const catalog = testCatalog({
      'platform/settings': settingsComponent({ level: 'debug' }),
      'platform/zz-extra': settingsComponent({ level: 'x' }),
    });
    mkdirSync(
      join(root, 'rendered/ci-one/platform/zz-extra/configmap-platform-settings.yaml/in-the-way'),
      {
        recursive: true,
      },
    );
    await expect(renderToDisk(options(root, { catalog }))).rejects.toThrow();
    expect(fingerprint(root)).toEqual(before);
    expect(existsSync(join(root, '.gitops-tmp'))).toBe(false);
  });
});

describe('the checks of every render', () => {
  it('abort on a policy violation, naming file, line, resource, field and rule', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    const catalog = testCatalog({
      'platform/namespaces': defineComponent({
        description: 'unlabelled',
        clusters: 'workload',
        namespace: 'platform',
        syncWave: 0,
        resources: (chart) =>
          void chart.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'platform' } }),
      }),
    });
    await expect(
      renderToDisk(options(root, { catalog, checks: renderChecks(root) })),
    ).rejects.toThrow(
      /rendered\/ci-one\/platform\/namespaces\/namespace-platform\.yaml:\d+:\d+ {2}Namespace\/platform .*\[namespace-pod-security-labels\]/,
    );
    expect(fingerprint(root)).toEqual(before);
  });

  it('abort on a schema violation such as a misspelt field', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    const catalog = testCatalog({
      'platform/settings': settingsComponent({ level: 'info' }, { dataField: 'dta' }),
    });
    await expect(
      renderToDisk(options(root, { catalog, checks: renderChecks(root) })),
    ).rejects.toThrow(
      /rendered\/ci-one\/platform\/settings\/configmap-platform-settings\.yaml:\d+:\d+ .*dta/,
    );
    expect(fingerprint(root)).toEqual(before);
  });
});

describe('rendering', () => {
  it('reproduces its own output byte for byte', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    expect(Object.keys(before)).toEqual([
      'ci-one/platform/namespaces/namespace-platform.yaml',
      'ci-one/platform/settings/configmap-platform-settings.yaml',
      'hub/root/apps/configmap-argocd-root.yaml',
    ]);
    await renderToDisk(options(root));
    expect(fingerprint(root)).toEqual(before);
  });

  it('removes the files of a deleted component, and the directories left empty', async () => {
    const root = await renderedWorkspace();
    const catalog = testCatalog({
      'platform/settings': undefined,
      'platform/namespaces': undefined,
    });
    await renderToDisk(options(root, { catalog }));
    expect(Object.keys(fingerprint(root))).toEqual(['hub/root/apps/configmap-argocd-root.yaml']);
    expect(existsSync(join(root, 'rendered/ci-one'))).toBe(false);
  });

  it('replaces only the scoped app and cluster', async () => {
    const root = await renderedWorkspace();
    const before = fingerprint(root);
    const catalog = testCatalog({ 'platform/settings': undefined });
    await renderToDisk(options(root, { catalog, scope: { app: 'platform' } }));
    const after = fingerprint(root);
    expect(Object.keys(after)).toEqual([
      'ci-one/platform/namespaces/namespace-platform.yaml',
      'hub/root/apps/configmap-argocd-root.yaml',
    ]);
    expect(after['hub/root/apps/configmap-argocd-root.yaml']).toBe(
      before['hub/root/apps/configmap-argocd-root.yaml'],
    );
  });

  it('refuses an unknown app or cluster in the scope as a usage error', async () => {
    const root = await renderedWorkspace();
    await expect(renderToDisk(options(root, { scope: { app: 'platfrom' } }))).rejects.toThrow(
      UnknownScopeError,
    );
    await expect(renderToDisk(options(root, { scope: { cluster: 'prod' } }))).rejects.toThrow(
      'unknown cluster "prod" (known: hub, ci-one)',
    );
  });
});

describe('charts, inflated with the pinned Helm over the vendored packages', () => {
  const realVendor = (root: string) => ({
    ...options(root),
    inflate: helmChartInflater(repositoryRoot),
  });

  it('refuses a pin without a vendored package, naming the pin and its component file', async () => {
    const root = await renderedWorkspace();
    const catalog = testCatalog({
      'platform/agent': vendoredChartComponent('fluent-bit', '9.9.9', {}),
    });
    await expect(renderToDisk({ ...realVendor(root), catalog })).rejects.toThrow(
      /chart pin fluent-bit@9\.9\.9 \(apps\/platform\/src\/agent\/component\.ts\): no vendored package vendor\/charts\/fluent-bit-9\.9\.9\.tgz/,
    );
  });

  it('refuses a package whose digest differs from the lock, naming the pin', async () => {
    const root = await renderedWorkspace();
    mkdirSync(join(root, 'vendor/charts'), { recursive: true });
    copyFileSync(
      join(repositoryRoot, 'vendor/vendor.lock.json'),
      join(root, 'vendor/vendor.lock.json'),
    );
    writeFileSync(join(root, 'vendor/charts/fluent-bit-0.58.1.tgz'), 'not the upstream package');
    const catalog = testCatalog({
      'platform/agent': vendoredChartComponent('fluent-bit', '0.58.1', {}),
    });
    await expect(
      renderToDisk({ ...options(root), catalog, inflate: helmChartInflater(root) }),
    ).rejects.toThrow(
      /chart pin fluent-bit@0\.58\.1 \(apps\/platform\/src\/agent\/component\.ts\).*sha256/,
    );
  });

  it('catches a chart that emits a random token (Datadog without a fixed cluster-agent token)', async () => {
    const root = await renderedWorkspace();
    const catalog = testCatalog({
      'platform/agent': vendoredChartComponent('datadog', '3.240.0', {}),
    });
    await expect(renderToDisk({ ...realVendor(root), catalog })).rejects.toThrow(
      /chart datadog@3\.240\.0 renders differently each time .*Secret\/platform\/agent-datadog-cluster-agent/,
    );
  });

  it('reports a policy violation inside chart output with its file and line, and a typed exemption clears it', async () => {
    const root = await renderedWorkspace();
    const values = { testFramework: { enabled: false } };
    const policyOf = async (agent: ReturnType<typeof vendoredChartComponent>) => {
      const catalog = testCatalog({ 'platform/agent': agent });
      const { render } = await renderInMemory({ ...realVendor(root), catalog });
      return checkPolicy(render.files);
    };
    const before = await policyOf(vendoredChartComponent('fluent-bit', '0.58.1', values));
    const varlog = before.findings.find(
      (f) => f.rule === 'pss-baseline' && f.field === 'spec.template.spec.volumes[1].hostPath',
    )!;
    expect(varlog).toMatchObject({
      file: 'rendered/ci-one/platform/agent/daemonset-platform-agent-fluent-bit.yaml',
      resource: 'DaemonSet/platform/agent-fluent-bit',
    });
    const { render } = await renderInMemory({
      ...realVendor(root),
      catalog: testCatalog({
        'platform/agent': vendoredChartComponent('fluent-bit', '0.58.1', values),
      }),
    });
    const daemonSet = render.files.find((f) => f.path === varlog.file)!.content.split('\n');
    expect(daemonSet[varlog.line - 1]).toMatch(/^\s+(- )?hostPath:$/);
    const exemption = {
      rule: 'pss-baseline',
      kind: 'DaemonSet',
      namespace: 'platform',
      name: 'agent-fluent-bit',
      reason: 'a log collector reads the node logs',
    };
    const after = await policyOf(
      vendoredChartComponent('fluent-bit', '0.58.1', values, { exemptions: [exemption] }),
    );
    expect(after.findings.filter((f) => f.rule === 'pss-baseline')).toEqual([]);
    expect(after.exemptions).toContainEqual(
      expect.objectContaining({ rule: 'pss-baseline', reason: exemption.reason }),
    );
  });
});
