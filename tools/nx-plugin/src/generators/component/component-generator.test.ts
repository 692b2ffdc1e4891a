import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchWorkspace } from '../testing/scratch-workspace';
import { componentGenerator } from './component-generator';

describe('the component generator', () => {
  let workspace: Awaited<ReturnType<typeof scratchWorkspace>>;
  beforeAll(async () => {
    workspace = await scratchWorkspace();
  });
  afterAll(() => workspace?.dispose());

  it('adds a rendered component that renders, gets its Application, and whose test passes', async () => {
    await workspace.generate(componentGenerator, {
      app: 'observability',
      name: 'log-routing',
      namespace: 'observability',
    });
    expect(
      existsSync(join(workspace.root, 'apps/observability/src/log-routing/component.ts')),
    ).toBe(true);
    const render = await workspace.gitops('render');
    expect(render.exitCode, render.all).toBe(0);
    expect(workspace.files('rendered/ci/observability/log-routing')).toEqual([
      'configmap-observability-log-routing.yaml',
    ]);
    expect(workspace.files('rendered/mgmt/argocd-root/app-of-apps')).toContain(
      'application-argocd-ci-observability-log-routing.yaml',
    );
    const test = await workspace.vitest('apps/observability/src/log-routing');
    expect(test.exitCode, test.all).toBe(0);
  });

  it('adds a Helm component in a new app, typed by an existing chart pin', async () => {
    await workspace.generate(componentGenerator, {
      app: 'node-scaling',
      name: 'controller',
      type: 'helm',
      chart: 'karpenterChart',
      clusters: 'mgmt',
      namespace: 'kube-system',
    });
    expect(existsSync(join(workspace.root, 'apps/node-scaling/project.json'))).toBe(true);
    const component = readFileSync(
      join(workspace.root, 'apps/node-scaling/src/controller/component.ts'),
      'utf8',
    );
    expect(component).toContain('chart: fromChart(karpenterChart)({');
    expect(component).toContain("clusters: ['mgmt'],");
    expect(
      existsSync(join(workspace.root, 'apps/node-scaling/src/controller/controller.test.ts')),
    ).toBe(true);
  });

  it('refuses an unknown chart pin or an existing folder', async () => {
    await expect(
      workspace.generate(componentGenerator, {
        app: 'karpenter',
        name: 'controller',
        type: 'helm',
        chart: 'noSuchChart',
        namespace: 'kube-system',
      }),
    ).rejects.toThrow(
      /apps\/karpenter\/src\/controller already exists[\s\S]*--chart "noSuchChart" is not a chart pin/,
    );
  });
});
