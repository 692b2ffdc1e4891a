import { namespaces } from '@platform/config';
import { addPlatformNamespace, type ComponentDefinition } from '@platform/core';

/** Node agents read host logs and metrics through hostPath mounts, which `baseline` forbids. */
export const observabilityNamespaces: ComponentDefinition = {
  resources: (chart) => {
    addPlatformNamespace(chart, {
      name: namespaces.observability,
      podSecurity: 'privileged',
      exemptionReason:
        'Datadog and Fluent Bit node agents mount host paths (/var/log, /proc, the container runtime socket).',
    });
  },
};
