import { datadogChart } from '@platform/charts';
import { namespaces } from '@platform/config';
import { defineComponent, fromChart } from '@platform/core';
import { datadogAgentValues } from './datadog-agent-values';
import { addDatadogExternalSecrets } from './datadog-secrets';
import { datadogExemptions } from './datadog-exemptions';

/**
 * Datadog on every cluster: the node agent on every node, the cluster agent, and the Datadog
 * Operator (the chart's operator subchart) that turns DatadogMonitor resources into monitors.
 */
export default defineComponent({
  description:
    'Datadog agent (every node), cluster agent and the Datadog Operator that reconciles DatadogMonitors.',
  clusters: 'all',
  namespace: namespaces.observability,
  // After the namespace; before the monitors, which need the operator's DatadogMonitor CRD.
  syncWave: 5,
  // The DatadogMonitor CRD exceeds the client-side apply annotation limit.
  serverSideApply: true,
  chart: fromChart(datadogChart)({
    releaseName: 'datadog',
    values: datadogAgentValues,
  }),
  resources: (chart, { cluster, component }) =>
    addDatadogExternalSecrets(chart, cluster, component.namespace),
  exemptions: datadogExemptions,
  // The API and application keys, the cluster-agent token.
  externalSecrets: true,
});
