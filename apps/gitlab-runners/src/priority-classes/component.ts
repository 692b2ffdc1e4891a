import { namespaces } from '@platform/config';
import { defineComponent } from '@platform/core';
import type { IPriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import { jobPodPriorityClassName, managerPriorityClassName } from '../runner/runner-names';

/**
 * Runner managers outrank job pods, so a burst of 1,000 jobs can never evict the managers that
 * run them. Job pods never preempt one another: a queued job waits for Karpenter's new node
 * instead of killing a running job.
 */
export default defineComponent({
  description: 'PriorityClasses of the runner managers and the CI job pods.',
  clusters: 'workload',
  namespace: namespaces.runnerManagers,
  syncWave: 0,
  resources: (chart) => {
    chart.add<IPriorityClass>({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: managerPriorityClassName },
      value: 1_000_000,
      preemptionPolicy: 'PreemptLowerPriority',
      description: 'GitLab Runner managers: above every CI job pod.',
    });
    chart.add<IPriorityClass>({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: jobPodPriorityClassName },
      value: 1_000,
      preemptionPolicy: 'Never',
      description: 'CI job pods: wait for capacity, never preempt a running job.',
    });
  },
});
