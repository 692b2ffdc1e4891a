import type { FieldChange } from '../fields/field-change';

/**
 * Labels and annotations a Helm chart stamps with its own version or a hash of other objects: a
 * chart bump changes them on every resource. They are shown apart from real changes, and
 * resources whose only changes are these are counted, listed by name, not expanded: a checksum
 * change still restarts pods, so nothing is hidden, only grouped.
 */
const VERSION_LABELS = new Set(['helm.sh/chart', 'app.kubernetes.io/version', 'chart']);

const isNoiseKey = (map: unknown, key: string) =>
  map === 'labels' ? VERSION_LABELS.has(key) : map === 'annotations' && key.startsWith('checksum/');

export function isChartNoise(change: FieldChange): boolean {
  const path = change.path;
  const last = path[path.length - 1];
  if (typeof last !== 'string') return false;
  if (last === 'labels' || last === 'annotations') {
    // A whole map appeared or went away: noise only if every key in it is.
    const map = change.after ?? change.before;
    return (
      typeof map === 'object' &&
      map !== null &&
      Object.keys(map).length > 0 &&
      Object.keys(map).every((key) => isNoiseKey(last, key))
    );
  }
  return isNoiseKey(path[path.length - 2], last);
}
