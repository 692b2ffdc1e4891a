import type { InstanceTypeSpec } from '../catalog/instance-type';
import type { NodeOverlaySettings } from '../manifests/read-node-overlay';
import type { NodePoolSettings } from '../peak/node-pool-settings';
import { poolNodeShape } from '../peak/type-fit';
import { requirementHolds } from '../workload/scheduling-terms';
import type { CapacityFinding } from './capacity-finding';
import { selectableTypes } from './pool-plan';

const capacityTypeKey = 'karpenter.sh/capacity-type';
/** Offering keys the planner does not model; a requirement on them is taken to hold. */
const unmodelledKeys = new Set(['topology.kubernetes.io/zone', 'topology.k8s.aws/zone-id']);

/** The NodePools and instance types (with a capacity type each pool allows) an overlay matches. */
export function overlayMatches(
  overlay: NodeOverlaySettings,
  nodePools: readonly NodePoolSettings[],
  catalog: readonly InstanceTypeSpec[],
): { pool: string; instanceType: string }[] {
  const requirements = overlay.requirements.filter((r) => !unmodelledKeys.has(r.key));
  return nodePools.flatMap((pool) => {
    const capacityTypes = pool.requirements.find((r) => r.key === capacityTypeKey)?.values ?? [
      'on-demand',
    ];
    return selectableTypes(pool, catalog)
      .filter((type) =>
        capacityTypes.some((capacityType) => {
          const labels = { ...poolNodeShape(pool, type).labels, [capacityTypeKey]: capacityType };
          return requirements.every((r) => requirementHolds(r, labels));
        }),
      )
      .map((type) => ({ pool: pool.name, instanceType: type.name }));
  });
}

/**
 * A NodeOverlay whose requirements match no instance type of any NodePool changes nothing, and
 * Karpenter reports it as valid all the same (it only flags conflicts and invalid values), so
 * the check is here: as Karpenter matches them, against each pool's types, template labels,
 * `karpenter.sh/nodepool` and capacity types.
 */
export function overlayFindings(
  overlays: readonly NodeOverlaySettings[],
  nodePools: readonly NodePoolSettings[],
  catalog: readonly InstanceTypeSpec[],
): CapacityFinding[] {
  return overlays.flatMap((overlay): CapacityFinding[] =>
    overlayMatches(overlay, nodePools, catalog).length > 0
      ? []
      : [
          {
            severity: 'error',
            subject: `NodeOverlay ${overlay.name}`,
            file: overlay.file,
            message: `spec.requirements match no instance type of any rendered NodePool (${nodePools.map((p) => p.name).join(', ') || 'none'}), so the overlay changes nothing`,
          },
        ],
  );
}

/** A rendered NodeOverlay as the report shows it: its price change and how much it matches. */
export interface OverlaySummary {
  name: string;
  file: string;
  priceAdjustment?: string;
  price?: string;
  /** Pool instance types its requirements match. */
  matches: number;
}

export function overlaySummaries(
  overlays: readonly NodeOverlaySettings[],
  nodePools: readonly NodePoolSettings[],
  catalog: readonly InstanceTypeSpec[],
): OverlaySummary[] {
  return overlays.map((overlay) => ({
    name: overlay.name,
    file: overlay.file,
    ...(overlay.priceAdjustment ? { priceAdjustment: overlay.priceAdjustment } : {}),
    ...(overlay.price ? { price: overlay.price } : {}),
    matches: overlayMatches(overlay, nodePools, catalog).length,
  }));
}
