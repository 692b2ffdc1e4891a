import { namespaces, routesMultiArchJobs } from '@platform/config';
import { addPlatformNamespace, defineComponent } from '@platform/core';

/**
 * Runner managers and ordinary jobs run under the `restricted` Pod Security Standard, multi-arch
 * jobs too (on the clusters that run their runner). Privileged jobs (Docker-in-Docker) get a
 * namespace of their own, so the exemption covers nothing else.
 */
export default defineComponent({
  description:
    'Namespaces of the runner managers and of the restricted, multi-arch and privileged job pods.',
  clusters: 'workload',
  namespace: namespaces.runnerManagers,
  syncWave: 0,
  resources: (chart, { cluster }) => {
    addPlatformNamespace(chart, { name: namespaces.runnerManagers, podSecurity: 'restricted' });
    addPlatformNamespace(chart, { name: namespaces.ciJobs, podSecurity: 'restricted' });
    if (routesMultiArchJobs(cluster))
      addPlatformNamespace(chart, { name: namespaces.ciJobsMultiArch, podSecurity: 'restricted' });
    addPlatformNamespace(chart, {
      name: namespaces.ciJobsPrivileged,
      podSecurity: 'privileged',
      exemptionReason:
        'Docker-in-Docker build jobs need privileged containers; they run only on the tainted ci-privileged node pool.',
    });
  },
});
