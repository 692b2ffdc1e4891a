/**
 * Kubernetes versions as the Pod Security Standards use them: a minor of 1.x, as a number
 * (`v1.33` and `1.33` are 33). Major 1 is the only one there is.
 */
export type KubernetesMinor = number;

const LABEL_VERSION = /^v1\.(\d+)$/;
const INVENTORY_VERSION = /^1\.(\d+)$/;

/** `v1.33` → 33, as the `pod-security.kubernetes.io/<mode>-version` labels pin it; else undefined. */
export function minorOfLabel(label: string): KubernetesMinor | undefined {
  const match = LABEL_VERSION.exec(label);
  return match ? Number(match[1]) : undefined;
}

/** `1.33` → 33, as the inventory states a cluster's version (`eks.kubernetesVersion`). */
export function minorOfInventoryVersion(version: string): KubernetesMinor {
  const match = INVENTORY_VERSION.exec(version);
  if (!match) throw new Error(`"${version}" is not a Kubernetes minor version like 1.33`);
  return Number(match[1]);
}

/** 33 → `v1.33`, the label form. */
export function labelOfMinor(minor: KubernetesMinor): string {
  return `v1.${minor}`;
}
