import { fluentBitChart } from '@platform/charts';
import { namespaces } from '@platform/config';
import { defineComponent, fromChart } from '@platform/core';
import { fluentBitExemptions } from './fluent-bit-exemptions';
import { fluentBitValues } from './fluent-bit-values';
import { addKubeletMetadataAccess } from './kubelet-metadata-access';

/** Fluent Bit on every node: container logs, with Kubernetes metadata, to the cluster's log output. */
export default defineComponent({
  description: 'Fluent Bit on every node: container logs with Kubernetes metadata.',
  clusters: 'all',
  namespace: namespaces.observability,
  // With the Datadog agent: it reads the datadog-api-key Secret for the Datadog log output.
  syncWave: 5,
  chart: fromChart(fluentBitChart)({ releaseName: 'fluent-bit', values: fluentBitValues }),
  resources: (chart, { component }) => addKubeletMetadataAccess(chart, component.namespace),
  exemptions: fluentBitExemptions,
});
