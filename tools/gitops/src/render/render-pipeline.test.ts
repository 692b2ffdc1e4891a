import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inventory, type Inventory } from '@platform/config';
import { RenderError, type AppDefinition } from '@platform/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { treeFingerprint, workspaceWithRenderedCopy } from '../testing/temporary-workspace';
import { loadApps } from '../workspace/discover-apps';
import { repositoryRoot } from '../workspace/repository-root';
import { renderChecks } from '../commands/render-checks';
import { RenderAborted, renderToDisk } from './render-pipeline';

let apps: AppDefinition[];
let cleanups: (() => void)[] = [];
beforeAll(async () => {
  apps = await loadApps(repositoryRoot);
});
afterEach(() => {
  cleanups.forEach((dispose) => dispose());
  cleanups = [];
});

function workspace() {
  const w = workspaceWithRenderedCopy();
  cleanups.push(w.dispose);
  return w.root;
}

/** The real apps, with one component of one app replaced. */
function appsWith(
  appName: string,
  component: string,
  replacement: AppDefinition['components'][string],
) {
  return apps.map((app) =>
    app.name === appName
      ? { ...app, components: { ...app.components, [component]: replacement } }
      : app,
  );
}

describe('a failed render leaves rendered/ exactly as it was', () => {
  it('when a chart throws', async () => {
    const root = workspace();
    const before = treeFingerprint(join(root, 'rendered'));
    const throwing = appsWith('gitlab-runners', 'namespaces', {
      resources: () => {
        throw new Error('boom: bad typed input');
      },
    });
    const render = renderToDisk({ root, apps: throwing });
    await expect(render).rejects.toThrow(RenderError);
    await expect(renderToDisk({ root, apps: throwing })).rejects.toThrow(
      /apps\/gitlab-runners \(cluster ci\), component namespaces: threw: boom: bad typed input/,
    );
    expect(treeFingerprint(join(root, 'rendered'))).toEqual(before);
    expect(existsSync(join(root, '.gitops-tmp'))).toBe(false);
  });

  it('when a check reports an error, even though other apps rendered fine', async () => {
    const root = workspace();
    const before = treeFingerprint(join(root, 'rendered'));
    const failingCheck = () => [
      {
        file: 'rendered/ci/x.yaml',
        line: 1,
        column: 1,
        resource: 'Namespace/x',
        field: '',
        message: 'invented failure',
        severity: 'error' as const,
        rule: 'test',
      },
    ];
    await expect(renderToDisk({ root, apps, checks: [failingCheck] })).rejects.toThrow(
      RenderAborted,
    );
    expect(treeFingerprint(join(root, 'rendered'))).toEqual(before);
  });
});

describe('the checks of every render', () => {
  it('abort on a policy violation, naming file, line, resource, field and rule', async () => {
    const root = workspace();
    const before = treeFingerprint(join(root, 'rendered'));
    const unlabelled = appsWith('observability', 'namespaces', {
      resources: (chart) => {
        chart.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'telemetry' } });
      },
    });
    const render = renderToDisk({ root, apps: unlabelled, checks: renderChecks() });
    await expect(render).rejects.toThrow(RenderAborted);
    await expect(renderToDisk({ root, apps: unlabelled, checks: renderChecks() })).rejects.toThrow(
      /rendered\/ci\/observability\/namespaces\/namespace-telemetry\.yaml:\d+:\d+ {2}Namespace\/telemetry .*\[namespace-pod-security-labels\]/,
    );
    expect(treeFingerprint(join(root, 'rendered'))).toEqual(before);
  });

  it('abort on a schema violation such as a misspelt field', async () => {
    const root = workspace();
    const before = treeFingerprint(join(root, 'rendered'));
    const misspelt = appsWith('karpenter', 'controller', {
      helmValues: () => ({ replicas: 2, setings: { clusterName: 'x' } }),
    });
    await expect(renderToDisk({ root, apps: misspelt, checks: renderChecks() })).rejects.toThrow(
      /rendered\/ci\/karpenter\/controller\/values\.yaml:4:1 .*setings/,
    );
    expect(treeFingerprint(join(root, 'rendered'))).toEqual(before);
  });
});

describe('rendering the real apps', () => {
  it('reproduces the committed rendered/ byte for byte', async () => {
    const root = workspace();
    const before = treeFingerprint(join(root, 'rendered'));
    await renderToDisk({ root, apps });
    expect(treeFingerprint(join(root, 'rendered'))).toEqual(before);
  });

  it('removes the files of a component deleted from the catalog, and its empty directories', async () => {
    const root = workspace();
    const withoutObservability: Inventory = {
      ...inventory,
      components: inventory.components.filter((c) => c.app !== 'observability'),
    };
    const reduced = apps.map((app) =>
      app.name === 'observability' ? { ...app, components: {} } : app,
    );
    expect(
      existsSync(join(root, 'rendered/ci/observability/namespaces/namespace-observability.yaml')),
    ).toBe(true);
    await renderToDisk({ root, apps: reduced, inventory: withoutObservability });
    const after = treeFingerprint(join(root, 'rendered'));
    expect(Object.keys(after).filter((p) => p.includes('observability'))).toEqual([]);
    expect(existsSync(join(root, 'rendered/ci/observability'))).toBe(false);
    expect(Object.keys(after)).toContain('ci/karpenter/controller/values.yaml');
  });

  it('replaces only the scoped app and cluster', async () => {
    const root = workspace();
    const before = treeFingerprint(join(root, 'rendered'));
    const renamed = appsWith('observability', 'namespaces', {
      resources: (chart) => {
        chart.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'telemetry' } });
      },
    });
    await renderToDisk({ root, apps: renamed, scope: { app: 'observability' } });
    const after = treeFingerprint(join(root, 'rendered'));
    expect(Object.keys(after).filter((p) => p.startsWith('ci/observability/'))).toEqual([
      'ci/observability/namespaces/namespace-telemetry.yaml',
    ]);
    for (const [path, hash] of Object.entries(before)) {
      if (!path.startsWith('ci/observability/')) expect(after[path]).toBe(hash);
    }
  });

  it('refuses an unknown app or cluster in the scope', async () => {
    const root = workspace();
    await expect(renderToDisk({ root, apps, scope: { app: 'karpentre' } })).rejects.toThrow(
      'unknown app "karpentre"',
    );
    await expect(renderToDisk({ root, apps, scope: { cluster: 'prod' } })).rejects.toThrow(
      'unknown cluster "prod"',
    );
  });
});
