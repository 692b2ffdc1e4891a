import { defineMonitors } from '@platform/monitoring';
import { karpenterCloudProviderErrors } from './cloudprovider-errors';
import { karpenterNodePoolAtLimit } from './nodepool-at-limit';

/** Karpenter's monitors, on the clusters it runs on. */
export default defineMonitors({
  description: 'DatadogMonitors for Karpenter: launch errors, NodePools at their limits.',
  clusters: 'workload',
  monitors: ({ cluster }) => [
    karpenterCloudProviderErrors(cluster),
    karpenterNodePoolAtLimit(cluster),
  ],
});
