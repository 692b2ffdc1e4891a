import type { ComponentContext } from '@platform/core';
import { defineMonitors, type MonitorDefinition } from '@platform/monitoring';
import { karpenterCloudProviderErrors } from './cloudprovider-errors';
import { karpenterNodePoolAtLimit } from './nodepool-at-limit';
import { karpenterCapacityBufferUnsatisfied } from './capacitybuffer-unsatisfied';
import { karpenterNodeOverlayInvalid } from './nodeoverlay-invalid';

/** The monitors of one cluster (exported for tests). */
export const karpenterMonitors = ({ cluster }: ComponentContext): MonitorDefinition[] => [
  karpenterCloudProviderErrors(cluster),
  karpenterNodePoolAtLimit(cluster),
  karpenterCapacityBufferUnsatisfied(cluster),
  karpenterNodeOverlayInvalid(cluster),
];

/** Karpenter's monitors, on the clusters it runs on. */
export default defineMonitors({
  description:
    'DatadogMonitors for Karpenter: launch errors, NodePools at their limits, warm headroom not provisioned, NodeOverlays refused.',
  clusters: 'workload',
  monitors: karpenterMonitors,
});
