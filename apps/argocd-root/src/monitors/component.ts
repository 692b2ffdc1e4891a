import type { ComponentContext } from '@platform/core';
import { defineMonitors, type MonitorDefinition } from '@platform/monitoring';
import { applicationDegraded, applicationOutOfSync } from './application-health';

/** The monitors of one cluster (exported for tests). */
export const argocdMonitors = ({ cluster }: ComponentContext): MonitorDefinition[] => [
  applicationDegraded(cluster),
  applicationOutOfSync(cluster),
];

/**
 * Argo CD's monitors, on the management cluster: Argo CD runs there, its metrics are scraped
 * there, and the Datadog Operator there reconciles these DatadogMonitors.
 */
export default defineMonitors({
  description: 'DatadogMonitors for Argo CD Applications: degraded, out of sync too long.',
  clusters: 'management',
  monitors: argocdMonitors,
});
