import type { Inventory } from '@platform/config';
import { testCluster as cluster } from './test-cluster';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import { defineComponent, type ComponentDefinition } from '../component/component-definition';
import { assembleCatalog } from '../catalog/assemble-catalog';

/** Three clusters: one management, two workload. Tests of the engine never read the live inventory. */
export const fixtureInventory: Inventory = {
  repository: { url: 'https://git.example.com/platform.git', revision: 'main' },
  clusters: [
    cluster('hub', 'management', 1),
    cluster('ci-one', 'workload', 2),
    cluster('ci-two', 'workload', 3),
  ],
};

/** The root component every catalog needs; renders one ConfigMap on the management cluster. */
export const fixtureRoot = defineComponent({
  description: 'root',
  clusters: 'management',
  namespace: 'argocd',
  syncWave: 0,
  syncedBy: 'root',
  resources: (chart) =>
    void chart.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'root', namespace: 'argocd' },
    }),
});

/** A catalog of the root plus the given components of app `demo`. */
export function fixtureCatalog(components: Record<string, ComponentDefinition<any>>) {
  return assembleCatalog(fixtureInventory, [
    { app: 'root', name: 'root', file: 'apps/root/src/root/component.ts', definition: fixtureRoot },
    ...Object.entries(components).map(([name, definition]) => ({
      app: 'demo',
      name,
      file: `apps/demo/src/${name}/component.ts`,
      definition,
    })),
  ]);
}

/** An inflater that answers every chart with the same YAML (or a function of the request). */
export function fixedInflater(yaml: string | (() => string)): ChartInflater {
  return async () => (typeof yaml === 'string' ? yaml : yaml());
}

/** An inflater for catalogs without charts: any call is a test failure. */
export const noCharts: ChartInflater = async (request) => {
  throw new Error(`unexpected inflation of ${request.pin.chart}`);
};
