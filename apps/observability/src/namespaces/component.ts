import { namespaces } from '@platform/config';
import { addPlatformNamespace, defineComponent } from '@platform/core';

/** Node agents read host logs and metrics through hostPath mounts, which `baseline` forbids. */
export default defineComponent({
  description: 'The namespace of the node agents (Datadog, Fluent Bit).',
  // Datadog runs on every cluster (the management cluster's Argo CD is monitored too).
  clusters: 'all',
  namespace: namespaces.observability,
  syncWave: 0,
  resources: (chart) => {
    addPlatformNamespace(chart, {
      name: namespaces.observability,
      podSecurity: 'privileged',
      exemptionReason:
        'Datadog and Fluent Bit node agents mount host paths (/var/log, /proc, the container runtime socket).',
    });
  },
});
