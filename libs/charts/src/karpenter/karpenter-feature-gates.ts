/**
 * Karpenter 1.14.1's feature gates: the key under `settings.featureGates` in the chart's values,
 * the name the chart writes into the controller's `FEATURE_GATES` environment variable, and the
 * maturity and default its values.yaml states (a test reads both from the vendored chart).
 */
export const karpenterFeatureGates = {
  nodeRepair: { gate: 'NodeRepair', maturity: 'alpha', default: false },
  nodeOverlay: { gate: 'NodeOverlay', maturity: 'alpha', default: false },
  reservedCapacity: { gate: 'ReservedCapacity', maturity: 'beta', default: true },
  spotToSpotConsolidation: { gate: 'SpotToSpotConsolidation', maturity: 'alpha', default: false },
  staticCapacity: { gate: 'StaticCapacity', maturity: 'alpha', default: false },
  capacityBuffer: { gate: 'CapacityBuffer', maturity: 'alpha', default: false },
} as const satisfies Record<string, { gate: string; maturity: 'alpha' | 'beta'; default: boolean }>;

export type KarpenterFeatureGate = keyof typeof karpenterFeatureGates;

/**
 * The pod-template annotation that says why an alpha gate is on, beside the `FEATURE_GATES` it
 * explains (policy rule `karpenter-alpha-feature-gate`): `policy.platform/alpha-feature-gate.<Gate>`.
 */
export function alphaFeatureGateAnnotation(gate: string): string {
  return `policy.platform/alpha-feature-gate.${gate}`;
}
