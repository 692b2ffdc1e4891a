import { clusterByName, type Inventory } from '@platform/config';
import type { ChartInflater } from '../chart-inflation/chart-inflater';
import { selectClusters } from '../catalog/assemble-catalog';
import { renderComponent } from '../render/render-component';
import type { RenderedFile } from '../render/rendered-file';
import type { ComponentContext, ComponentDefinition, ComponentSpec } from './component-definition';

/** Where a component under test sits: its app and folder name, and the inventory to render with. */
export interface ComponentPlacement {
  app: string;
  name: string;
  inventory: Inventory;
}

/** The catalog entry a component file would become, for tests of one component. */
export function componentSpec(
  definition: ComponentDefinition<any>,
  { app, name, inventory }: ComponentPlacement,
): ComponentSpec {
  const { clusters, ...rest } = definition;
  return {
    ...rest,
    app,
    name,
    file: `apps/${app}/src/${name}/component.ts`,
    clusters: selectClusters(inventory, clusters).map((cluster) => cluster.name),
  };
}

/** The context a component's code receives on one cluster, with itself as the whole catalog. */
export function componentContext(
  definition: ComponentDefinition<any>,
  placement: ComponentPlacement,
  cluster: string,
): ComponentContext {
  const component = componentSpec(definition, placement);
  return {
    inventory: placement.inventory,
    catalog: [component],
    cluster: clusterByName(placement.inventory, cluster),
    component,
  };
}

const noInflation: ChartInflater = async (request) => {
  throw new Error(`rendering ${request.pin.chart} needs an inflater (the CLI's pinned Helm)`);
};

/** Renders one component on one cluster, in memory; a chart component needs an inflater. */
export function renderDefinition(
  definition: ComponentDefinition<any>,
  placement: ComponentPlacement,
  cluster: string,
  inflate: ChartInflater = noInflation,
): Promise<RenderedFile[]> {
  return renderComponent(componentContext(definition, placement, cluster), inflate);
}
