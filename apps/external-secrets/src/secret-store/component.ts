import { namespaces } from '@platform/config';
import { defineComponent } from '@platform/core';
import { clusterSecretStore } from './cluster-secret-store';

/** After the operator (its CRDs and webhook must exist), before every ExternalSecret. */
export default defineComponent({
  description:
    'The ClusterSecretStore for AWS Secrets Manager (IRSA), used by every ExternalSecret.',
  clusters: 'all',
  namespace: namespaces.externalSecrets,
  syncWave: -4,
  resources: (chart, { cluster, catalog }) => {
    chart.add(clusterSecretStore(cluster, catalog));
  },
});
