import { clusters } from '@platform/config';
import { defineComponent } from '@platform/core';
import { admissionPolicies } from '@platform/policy';

/**
 * The policy rules that have an admission twin, as ValidatingAdmissionPolicies and bindings: the
 * API server applies them to every pod it admits, including the CI job pods the runners create
 * at run time, which never pass through rendered/. Rendered for each cluster whose inventory
 * entry sets `admission`, with that entry's validation actions for protective and advisory rules.
 */
export default defineComponent({
  description:
    'ValidatingAdmissionPolicies generated from the policy rules: what gitops policy checks in Git, the API server checks on every pod.',
  clusters: clusters.filter((cluster) => cluster.admission).map((cluster) => cluster.name),
  // The objects are cluster-scoped; ArgoCD still needs a destination namespace.
  namespace: 'default',
  // Before the namespaces (0) and the runners that create the pods the policies guard.
  syncWave: -5,
  resources: (chart, { cluster }) => {
    if (!cluster.admission) return;
    for (const { policy, binding } of admissionPolicies(cluster.admission)) {
      chart.add(policy);
      chart.add(binding);
    }
  },
});
