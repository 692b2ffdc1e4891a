import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentContext } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../workspace/load-catalog';
import { repositoryRoot } from '../workspace/repository-root';
import { renderInMemory } from './render-pipeline';

/** The real Karpenter controller: a chart value change must show up as exactly one object's diff. */
describe("changing one value of Karpenter's chart", () => {
  it('changes exactly the Deployment file (and values.yaml)', async () => {
    const catalog = await loadCatalog(repositoryRoot);
    const changed = catalog.map((component) =>
      component.app === 'karpenter' && component.name === 'controller'
        ? {
            ...component,
            chart: {
              ...component.chart!,
              values: (context: ComponentContext) => ({
                ...(component.chart!.values(context) as object),
                replicas: 3,
              }),
            },
          }
        : component,
    );
    const { render } = await renderInMemory({
      root: repositoryRoot,
      catalog: changed,
      scope: { app: 'karpenter' },
    });
    const differing = render.files
      .filter((file) => file.content !== readFileSync(join(repositoryRoot, file.path), 'utf8'))
      .map((file) => file.path);
    expect(differing).toEqual([
      'rendered/ci/karpenter/controller/deployment-kube-system-karpenter.yaml',
      'rendered/ci/karpenter/controller/values.yaml',
    ]);
    const deployment = render.files.find((f) => f.path === differing[0])!.content;
    expect(deployment).toMatch(/^  replicas: 3$/m);
  });
});
