import { argocdNamespace } from '@platform/config';
import { defineComponent } from '@platform/core';
import { clusterSecret } from './cluster-secret';

/** Declarative ArgoCD cluster Secrets for the workload clusters (EKS IAM auth, no secret material). */
export default defineComponent({
  description: 'Declarative ArgoCD cluster Secrets for the workload clusters (EKS IAM auth).',
  clusters: 'management',
  namespace: argocdNamespace,
  syncWave: -20,
  resources: (chart, { inventory }) => {
    for (const cluster of inventory.clusters) {
      if (cluster.role === 'workload') chart.add(clusterSecret(cluster));
    }
  },
});
