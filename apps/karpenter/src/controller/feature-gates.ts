import {
  alphaFeatureGateAnnotation,
  karpenterFeatureGates,
  type KarpenterFeatureGate,
  type KarpenterValues,
} from '@platform/charts';

/**
 * The feature gates this platform turns on beyond the chart's defaults, each with the reason the
 * policy rule `karpenter-alpha-feature-gate` asks for (rendered as a pod-template annotation of the
 * controller, beside its `FEATURE_GATES`). Revisit them at every Karpenter bump.
 */
export const enabledFeatureGates: Partial<Record<KarpenterFeatureGate, string>> = {
  capacityBuffer:
    'Warm headroom in working hours: the CapacityBuffers of apps/karpenter/src/warm-capacity keep one pipeline burst of nodes ready so jobs do not wait for launches (issue #25).',
  nodeOverlay:
    'Graviton first: the NodeOverlay of apps/karpenter/src/graviton-first lowers the price Karpenter assumes for Graviton in the multi-arch pool, derived from its own price table (issue #25).',
};

/** Every gate of the chart, set explicitly: the enabled ones on, the others at the chart default. */
export function featureGateSettings(
  enabled: Partial<Record<KarpenterFeatureGate, string>> = enabledFeatureGates,
): NonNullable<NonNullable<KarpenterValues['settings']>['featureGates']> {
  return Object.fromEntries(
    Object.entries(karpenterFeatureGates).map(([key, gate]) => [
      key,
      key in enabled ? true : gate.default,
    ]),
  );
}

/** The reasons of the enabled alpha gates, as the controller's pod-template annotations. */
export function featureGateReasons(
  enabled: Partial<Record<KarpenterFeatureGate, string>> = enabledFeatureGates,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(enabled)
      .filter(([key]) => karpenterFeatureGates[key as KarpenterFeatureGate].maturity === 'alpha')
      .map(([key, reason]) => [
        alphaFeatureGateAnnotation(karpenterFeatureGates[key as KarpenterFeatureGate].gate),
        reason,
      ]),
  );
}
