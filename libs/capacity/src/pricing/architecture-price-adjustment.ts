import type { InstanceTypeSpec } from '../catalog/instance-type';

/** The pair of types whose prices set the adjustment, and the discount it gives the preferred one. */
export interface ArchitecturePriceAdjustment {
  /** Percent taken off the preferred architecture's prices, floored to 0.1 (e.g. 14.7). */
  percent: number;
  preferred: InstanceTypeSpec;
  other: InstanceTypeSpec;
}

/**
 * How much cheaper a NodeOverlay makes the preferred architecture look, derived from list prices:
 * for each preferred type, its discount against the cheapest type of the other architecture with
 * the same category and size; the adjustment is the smallest of those discounts (floored to
 * 0.1%), so every preferred type keeps at least its own list-price advantage in Karpenter's
 * comparisons, spot included, and none is made to look cheaper than its list price says it is
 * against its counterpart. Fails when the preferred architecture has no advantage to derive.
 */
export function architecturePriceAdjustment(
  types: readonly InstanceTypeSpec[],
  preferredArchitecture: 'amd64' | 'arm64',
): ArchitecturePriceAdjustment {
  const pairs = types
    .filter((t) => t.architecture === preferredArchitecture)
    .flatMap((preferred) => {
      const others = types.filter(
        (t) =>
          t.architecture !== preferredArchitecture &&
          t.category === preferred.category &&
          t.size === preferred.size,
      );
      const other = others.sort((a, b) => a.onDemandUsdPerHour - b.onDemandUsdPerHour)[0];
      return other
        ? [
            {
              preferred,
              other,
              discount: 1 - preferred.onDemandUsdPerHour / other.onDemandUsdPerHour,
            },
          ]
        : [];
    });
  const smallest = pairs.sort((a, b) => a.discount - b.discount)[0];
  if (!smallest)
    throw new Error(
      `no ${preferredArchitecture} type has a counterpart of the same category and size`,
    );
  if (smallest.discount <= 0)
    throw new Error(
      `${smallest.preferred.name} ($${smallest.preferred.onDemandUsdPerHour}) is not cheaper than ${smallest.other.name} ($${smallest.other.onDemandUsdPerHour}): no ${preferredArchitecture} advantage to derive`,
    );
  return {
    percent: Math.floor(smallest.discount * 1000 + 1e-9) / 10,
    preferred: smallest.preferred,
    other: smallest.other,
  };
}

/** `-14.7%`: the NodeOverlay `priceAdjustment` of a discount (the CRD's percentage form). */
export function formatPriceAdjustment(percent: number): string {
  return `-${percent}%`;
}
