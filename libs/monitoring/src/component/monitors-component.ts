import { namespaces } from '@platform/config';
import {
  defineComponent,
  type ClusterSelector,
  type ComponentContext,
  type ComponentDefinition,
} from '@platform/core';
import { datadogMonitor, type MonitorDefinition } from '../monitor/datadog-monitor';

export interface MonitorsComponent {
  description: string;
  clusters: ClusterSelector;
  /** The monitors for one cluster: queries scope to that cluster. */
  monitors: (context: ComponentContext) => MonitorDefinition[];
}

/**
 * Sync wave of every monitors component: after the datadog component (wave 5), whose operator
 * installs the DatadogMonitor CRD and reconciles these resources.
 */
export const monitorsSyncWave = 10;

/**
 * A `monitors` component beside what it watches: its DatadogMonitors go to the observability
 * namespace of the same cluster, the namespace the Datadog Operator watches.
 */
export function defineMonitors(definition: MonitorsComponent): ComponentDefinition {
  return defineComponent({
    description: definition.description,
    clusters: definition.clusters,
    namespace: namespaces.observability,
    syncWave: monitorsSyncWave,
    resources: (chart, context) => {
      const monitorContext = {
        clusterName: context.cluster.name,
        namespace: namespaces.observability,
        repository: context.inventory.repository,
      };
      for (const monitor of definition.monitors(context))
        chart.add(datadogMonitor(monitor, monitorContext));
    },
  });
}
