/**
 * Images of the warm-capacity objects. The pause image is never pulled (Karpenter simulates the
 * buffer's pods); kubectl matches the cluster's minor version.
 */
export const warmCapacityImages = {
  // renovate: datasource=docker depName=registry.k8s.io/pause
  pause: 'registry.k8s.io/pause:3.10',
  // renovate: datasource=docker depName=registry.k8s.io/kubectl
  kubectl: 'registry.k8s.io/kubectl:v1.33.0',
} as const;
