import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartPin } from '@platform/charts';
import type { Inventory } from '@platform/config';
import {
  addPlatformNamespace,
  assembleCatalog,
  defineComponent,
  fromChart,
  type ChartInflater,
  testCluster as cluster,
  type ComponentDefinition,
} from '@platform/core';

/**
 * The CLI's own test world: a small inventory and catalog that no app change can break. Tests
 * that are about the real apps say so and load them; everything else renders these.
 */
export const testInventory: Inventory = {
  repository: { url: 'https://git.example.com/platform.git', revision: 'main' },
  clusters: [cluster('hub', 'management', 1), cluster('ci-one', 'workload', 2)],
};

/**
 * The test catalog's `platform/settings` component: one ConfigMap `settings` in `platform` holding
 * `data` (`{ level: 'info' }` in the catalog itself). Tests that change what it renders pass other
 * data, or `dataField: 'dta'` for an object the schema check must reject (a misspelt field).
 */
export function settingsComponent(
  data: Record<string, string> = { level: 'info' },
  { dataField = 'data' }: { dataField?: string } = {},
): ComponentDefinition<any> {
  return defineComponent({
    description: 'a config map',
    clusters: 'workload',
    namespace: 'platform',
    syncWave: 1,
    resources: (chart) =>
      void chart.add({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: 'platform' },
        [dataField]: data,
      }),
  });
}

export const testComponents: Record<string, ComponentDefinition<any>> = {
  'root/apps': defineComponent({
    description: 'the root',
    clusters: 'management',
    namespace: 'argocd',
    syncWave: 0,
    syncedBy: 'root',
    resources: (chart) =>
      void chart.add({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'root', namespace: 'argocd' },
        data: { a: 'b' },
      }),
  }),
  'platform/namespaces': defineComponent({
    description: 'a namespace',
    clusters: 'workload',
    namespace: 'platform',
    syncWave: 0,
    resources: (chart) =>
      void addPlatformNamespace(chart, { name: 'platform', podSecurity: 'restricted' }),
  }),
  'platform/settings': settingsComponent(),
};

/** The test catalog, with some components replaced (a key set to undefined removes one). */
export function testCatalog(replace: Record<string, ComponentDefinition<any> | undefined> = {}) {
  const components = { ...testComponents, ...replace };
  return assembleCatalog(
    testInventory,
    Object.entries(components)
      .filter(([, definition]) => definition !== undefined)
      .map(([key, definition]) => {
        const [app, name] = key.split('/') as [string, string];
        return { app, name, file: `apps/${app}/src/${name}/component.ts`, definition: definition! };
      }),
  );
}

/** A chart component over a vendored upstream chart, for tests that run the real Helm. */
export function vendoredChartComponent(
  chart: string,
  version: string,
  values: object,
  extra: Partial<ComponentDefinition<any>> = {},
) {
  const pin = chartPin<object>({ chart, version, repository: 'https://charts.example.com' });
  return defineComponent({
    description: `${chart} ${version}`,
    clusters: 'workload',
    namespace: 'platform',
    syncWave: 1,
    chart: fromChart(pin)({ values: () => values }),
    ...extra,
  });
}

/** An inflater for the test catalog, which has no charts. */
export const noCharts: ChartInflater = async (request) => {
  throw new Error(`unexpected chart ${request.pin.chart}`);
};

/** An empty scratch root (no rendered/ yet), removed by `dispose`. */
export function emptyWorkspace(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'gitops-test-'));
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
