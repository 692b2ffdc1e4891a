import { defineMonitors } from '@platform/monitoring';
import { applicationDegraded, applicationOutOfSync } from './application-health';

/**
 * Argo CD's monitors, on the management cluster: Argo CD runs there, its metrics are scraped
 * there, and the Datadog Operator there reconciles these DatadogMonitors.
 */
export default defineMonitors({
  description: 'DatadogMonitors for Argo CD Applications: degraded, out of sync too long.',
  clusters: 'management',
  monitors: ({ cluster }) => [applicationDegraded(cluster), applicationOutOfSync(cluster)],
});
