import {
  architecturePriceAdjustment,
  formatPriceAdjustment,
  formatUsd,
  instanceTypeCatalog,
  onDemandPriceSource,
  selectableTypes,
} from '@platform/capacity';
import { allCiNodePools, namespaces, nodePoolLabel, type CiNodePool } from '@platform/config';
import { defineComponent } from '@platform/core';
import { nodePoolShapes } from '../ci-nodes/ci-node-shapes';
import { nodePoolRequirements } from '../ci-nodes/node-pool-manifest';
import type { NodeOverlay } from './node-overlay';

/**
 * The overlay of a multi-arch pool: its preferred architecture's types look cheaper by the
 * smallest list-price discount they have over the other architecture's types of the same shape
 * in the pool (libs/capacity `architecturePriceAdjustment`, from Karpenter's own price table).
 */
export function preferenceOverlay(pool: CiNodePool): NodeOverlay {
  const shape = nodePoolShapes.find((s) => s.pool.name === pool.name);
  if (!shape) throw new Error(`apps/karpenter/src/ci-nodes: no NodePool shape for ${pool.name}`);
  const types = selectableTypes({ requirements: nodePoolRequirements(shape) }, instanceTypeCatalog);
  const adjustment = architecturePriceAdjustment(types, pool.architecture);
  const { preferred, other } = adjustment;
  return {
    apiVersion: 'karpenter.sh/v1alpha1',
    kind: 'NodeOverlay',
    metadata: {
      name: `${pool.name}-${pool.architecture}-first`,
      annotations: {
        'ci.platform/price-adjustment-from': `1 - ${preferred.name} ${formatUsd(preferred.onDemandUsdPerHour)} / ${other.name} ${formatUsd(other.onDemandUsdPerHour)} (Karpenter ${onDemandPriceSource.karpenterVersion} on-demand table, ${onDemandPriceSource.region}): the smallest ${pool.architecture} discount in the pool`,
      },
    },
    spec: {
      requirements: [
        { key: nodePoolLabel, operator: 'In', values: [pool.name] },
        { key: 'kubernetes.io/arch', operator: 'In', values: [pool.architecture] },
      ],
      priceAdjustment: formatPriceAdjustment(adjustment.percent),
    },
  };
}

/**
 * Graviton first where a job allows it: jobs whose images are multi-arch go to the multi-arch
 * pool, which may launch both architectures; this NodeOverlay makes Karpenter prefer its Graviton
 * types whenever both would fit. Other pools are untouched: their jobs stay on their architecture.
 */
export default defineComponent({
  description:
    'NodeOverlays that make Karpenter prefer Graviton in the multi-arch pool, by a price adjustment derived from its price table.',
  clusters: 'workload',
  namespace: namespaces.karpenter,
  // With the NodePools (-8), after the controller and its CRDs (-10).
  syncWave: -8,
  resources: (chart) => {
    for (const pool of allCiNodePools.filter((p) => p.fallbackArchitecture))
      chart.add(preferenceOverlay(pool));
  },
});
