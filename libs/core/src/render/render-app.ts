import type { Inventory } from '@platform/config';
import { clusterByName } from '@platform/config';
import { componentsOf } from '../catalog/catalog-queries';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import type {
  ComponentSpec,
  RenderedKindsOf,
  VendoredManifests,
} from '../component/component-definition';
import { renderComponent } from './render-component';
import { RenderError } from './render-error';
import type { RenderedFile } from './rendered-file';

/**
 * Which components of the app a call renders: `others` all but those that describe what the
 * others render, `describing` only those (given what the others render).
 */
export type RenderPass =
  | { pass: 'all' }
  | { pass: 'others' }
  | { pass: 'describing'; renderedKinds: RenderedKindsOf };

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
  pass: RenderPass = { pass: 'all' },
): Promise<RenderedFile[]> {
  const cluster = clusterByName(inventory, clusterName);
  const selected = componentsOf(catalog, app, clusterName).filter((component) =>
    pass.pass === 'all'
      ? true
      : (pass.pass === 'describing') === Boolean(component.describesRendered),
  );
  const renderedKinds = pass.pass === 'describing' ? pass.renderedKinds : undefined;
  const rendered = await Promise.all(
    selected.map((component) =>
      renderComponent(
        {
          inventory,
          catalog,
          cluster,
          component,
          vendored,
          ...(component.describesRendered && renderedKinds ? { renderedKinds } : {}),
        },
        inflate,
      ),
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
