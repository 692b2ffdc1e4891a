import { argocdNamespace, clusterByName } from '@platform/config';
import { appsOf, defineComponent } from '@platform/core';
import { appProjectFor, appProjectSyncWave, rootProject } from './app-projects';
import { componentApplication } from './component-application';
import { rootApplication, rootFinalizerExemption } from './root-application';

/**
 * Everything the root Application syncs: itself, the projects, and one Application per component
 * and cluster of the catalog (assembled from every app's component folders).
 */
export default defineComponent({
  description: 'The root Application, the AppProjects and one Application per component.',
  clusters: 'management',
  namespace: argocdNamespace,
  syncWave: 0,
  syncedBy: 'root',
  // The AppProjects' whitelists are the kinds the other components render.
  describesRendered: true,
  resources: (chart, { inventory, catalog, component, renderedKinds }) => {
    if (!renderedKinds)
      throw new Error('renders after the other components: renderedKinds missing');
    chart.add(rootApplication(inventory, component));
    chart.add(rootProject(inventory, appProjectSyncWave(catalog)));
    const children = catalog.filter((c) => c.syncedBy !== 'root');
    for (const app of appsOf(children))
      chart.add(appProjectFor(inventory, children, app, renderedKinds));
    for (const child of children) {
      for (const cluster of child.clusters) {
        chart.add(componentApplication(inventory, clusterByName(inventory, cluster), child));
      }
    }
  },
  exemptions: [rootFinalizerExemption],
});
