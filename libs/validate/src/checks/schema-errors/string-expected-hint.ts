/**
 * Why a scalar written where Kubernetes wants a string did not stay one, and the fix. Kubernetes'
 * YAML reader (go-yaml v2) reads `yes`, `no`, `on`, `off`, `y` and `n` as booleans, as YAML 1.1
 * did, so `enabled: yes` reaches the API server as `true`; the plain type error alone puzzles.
 */
export function stringExpectedHint(value: unknown): string {
  if (typeof value === 'boolean')
    return '; unquoted yes, no, on, off, y, n, true and false are booleans to Kubernetes’ YAML reader (YAML 1.1): quote it to keep it a string';
  if (typeof value === 'number') return '; quote it so YAML keeps it a string';
  return '';
}
