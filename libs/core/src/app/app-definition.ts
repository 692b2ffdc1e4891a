import type { AppName, ClusterSpec, ComponentSpec, Inventory } from '@platform/config';
import type { PlatformChart } from '../chart/platform-chart';

/** What a component's code receives: the whole inventory and its own place in it. */
export interface ComponentContext {
  inventory: Inventory;
  cluster: ClusterSpec;
  component: ComponentSpec;
}

/**
 * How an app builds one catalog component. A `rendered` component adds resources to its chart;
 * a `helm` component returns the chart values (typed by the chart's values interface) and may
 * add resources too.
 */
export interface ComponentDefinition {
  resources?: (chart: PlatformChart, context: ComponentContext) => void;
  helmValues?: (context: ComponentContext) => object;
}

export interface AppDefinition {
  name: AppName;
  /** Keyed by catalog component name. */
  components: Record<string, ComponentDefinition>;
}

/** Identity function that gives app files a typed, uniform shape. */
export function defineApp(definition: AppDefinition): AppDefinition {
  return definition;
}
