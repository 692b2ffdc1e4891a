import { namespaces } from '@platform/config';
import { defineComponent } from '@platform/core';
import { nodePoolShapes } from '../ci-nodes/ci-node-shapes';
import { nodePoolManifest } from '../ci-nodes/node-pool-manifest';
import { peakLimits, renderTimePlan } from '../ci-nodes/peak-limits';

/**
 * The CI NodePools (names, architectures and taints from libs/config ci-jobs), their limits
 * derived from the capacity plan of the peak.
 */
export default defineComponent({
  description: 'The CI NodePools: ci-jobs (spot first), ci-jobs-arm64 (Graviton), ci-privileged.',
  clusters: 'workload',
  namespace: namespaces.karpenter,
  syncWave: -8,
  resources: (chart, { cluster }) => {
    const plan = renderTimePlan(cluster);
    for (const shape of nodePoolShapes) chart.add(nodePoolManifest(shape, peakLimits(shape, plan)));
  },
});
