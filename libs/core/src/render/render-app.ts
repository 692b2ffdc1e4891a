import type { Inventory } from '@platform/config';
import { clusterByName } from '@platform/config';
import { componentsOf } from '../catalog/catalog-queries';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import type { ComponentSpec, VendoredManifests } from '../component/component-definition';
import { renderComponent } from './render-component';
import { RenderError } from './render-error';
import type { RenderedFile } from './rendered-file';

/**
 * Renders one app for one cluster: every component of the app that targets the cluster, each in
 * its own cdk8s App, charts inflated concurrently. Pure but for the inflater: returns the files,
 * writes nothing.
 */
export async function renderApp(
  catalog: readonly ComponentSpec[],
  inventory: Inventory,
  app: string,
  clusterName: string,
  inflate: ChartInflater,
  vendored?: VendoredManifests,
): Promise<RenderedFile[]> {
  const cluster = clusterByName(inventory, clusterName);
  const rendered = await Promise.all(
    componentsOf(catalog, app, clusterName).map((component) =>
      renderComponent({ inventory, catalog, cluster, component, vendored }, inflate),
    ),
  );
  const files = rendered.flat();
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) {
      throw new RenderError(
        `apps/${app} (cluster ${clusterName})`,
        `two objects render to ${file.path}`,
      );
    }
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
