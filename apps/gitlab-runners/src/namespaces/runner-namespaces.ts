import { namespaces } from '@platform/config';
import { addPlatformNamespace, type ComponentDefinition } from '@platform/core';

/**
 * Runner managers and ordinary jobs run under the `restricted` Pod Security Standard. Privileged
 * jobs (Docker-in-Docker) get a namespace of their own, so the exemption covers nothing else.
 */
export const runnerNamespaces: ComponentDefinition = {
  resources: (chart) => {
    addPlatformNamespace(chart, { name: namespaces.runnerManagers, podSecurity: 'restricted' });
    addPlatformNamespace(chart, { name: namespaces.ciJobs, podSecurity: 'restricted' });
    addPlatformNamespace(chart, {
      name: namespaces.ciJobsPrivileged,
      podSecurity: 'privileged',
      exemptionReason:
        'Docker-in-Docker build jobs need privileged containers; they run only on the tainted ci-privileged node pool.',
    });
  },
};
