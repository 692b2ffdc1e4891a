import { describe, expect, it } from 'vitest';
import { assembleCatalog } from '../catalog/assemble-catalog';
import { defineComponent, type RenderedKinds } from '../component/component-definition';
import { fixtureInventory, fixtureRoot, noCharts } from '../testing/fixture-inventory';
import { renderScope } from './render-scope';

const seen: Record<string, RenderedKinds> = {};

/** A root that records what renderedKinds says about every other component. */
const describingRoot = defineComponent({
  ...fixtureRoot,
  describesRendered: true,
  resources: (chart, { catalog, renderedKinds }) => {
    for (const component of catalog.filter((c) => !c.describesRendered))
      for (const cluster of component.clusters)
        seen[`${cluster}/${component.app}/${component.name}`] = renderedKinds!(component, cluster);
    fixtureRoot.resources!(chart, {} as never);
  },
});

const roleMaker = defineComponent({
  description: 'roles',
  clusters: ['ci-one'],
  namespace: 'demo',
  syncWave: 0,
  resources: (chart) => {
    chart.add({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'a', namespace: 'demo' },
    });
    chart.add({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'a' },
    });
  },
});

const catalog = assembleCatalog(fixtureInventory, [
  {
    app: 'root',
    name: 'root',
    file: 'apps/root/src/root/component.ts',
    definition: describingRoot,
  },
  { app: 'demo', name: 'roles', file: 'apps/demo/src/roles/component.ts', definition: roleMaker },
]);

describe('renderScope', () => {
  it('renders a describing component after the others, with the kinds they render by scope', async () => {
    await renderScope(catalog, fixtureInventory, {}, [], noCharts);
    expect(seen['ci-one/demo/roles']).toEqual({
      clusterScoped: [{ group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' }],
      namespaced: [{ group: '', kind: 'ServiceAccount' }],
    });
  });

  it('takes the kinds of apps outside the scope from the committed files', async () => {
    const committed = [
      {
        path: 'rendered/ci-one/demo/roles/role-demo-old.yaml',
        content:
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: old, namespace: demo }\n',
      },
      { path: 'rendered/ci-one/demo/roles/values.yaml', content: 'replicas: 1\n' },
    ];
    await renderScope(
      catalog,
      fixtureInventory,
      { app: 'root' },
      [],
      noCharts,
      undefined,
      () => committed,
    );
    expect(seen['ci-one/demo/roles']).toEqual({
      clusterScoped: [],
      namespaced: [{ group: 'rbac.authorization.k8s.io', kind: 'Role' }],
    });
  });
});
