import { appNames, clusterByName } from '@platform/config';
import type { ComponentDefinition } from '@platform/core';
import { appProjectFor, rootProject } from './app-projects';
import { componentApplication } from './component-application';
import { rootApplication } from './root-application';

/** Everything the root Application syncs: itself, the projects, one Application per component. */
export const appOfApps: ComponentDefinition = {
  resources: (chart, { inventory }) => {
    chart.add(rootApplication(inventory));
    chart.add(rootProject(inventory));
    for (const app of appNames) {
      if (inventory.components.some((c) => c.app === app && c.syncedBy !== 'root')) {
        chart.add(appProjectFor(inventory, app));
      }
    }
    for (const component of inventory.components) {
      if (component.syncedBy === 'root') continue;
      for (const cluster of component.clusters) {
        chart.add(componentApplication(inventory, clusterByName(inventory, cluster), component));
      }
    }
  },
};
