import type { KubeObject } from '../kube/kube-object';

// gitops-engine pkg/health/health.go (Argo CD 3.5.1).

export type HealthStatusCode =
  | 'Unknown'
  | 'Progressing'
  | 'Healthy'
  | 'Suspended'
  | 'Degraded'
  | 'Missing';

/**
 * A health verdict. `status` is `''` when a Lua script returned nothing usable (nil, an empty
 * table, a field of the wrong type): Argo CD then holds a status with no code, which the sync
 * engine treats as neither healthy nor degraded (util/lua/lua.go, ExecuteHealthLua).
 */
export interface HealthStatus {
  status: HealthStatusCode | '';
  message?: string;
}

/** health.go, healthOrder: most healthy first. */
const healthOrder: readonly string[] = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
];

/** health.go, IsWorse (a code it does not list counts as Healthy, index 0). */
export function isWorse(current: string, next: string): boolean {
  return Math.max(healthOrder.indexOf(next), 0) > Math.max(healthOrder.indexOf(current), 0);
}

export const isValidHealthStatusCode = (code: string): code is HealthStatusCode =>
  healthOrder.includes(code);

/**
 * How one object's health is assessed: health.go, GetResourceHealth with a HealthOverride.
 * `undefined` means the kind has no health (a ConfigMap): syncing it succeeds at once.
 */
export type ResourceHealth = (object: KubeObject) => HealthStatus | undefined;
