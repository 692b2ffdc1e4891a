/**
 * The key order reviewers expect in a Kubernetes object, the order `kubectl` and most charts
 * write: a documented rule, applied to every rendered object so a diff reads the same whatever
 * produced the object (a cdk8s construct or a chart template).
 *
 * 1. The object starts with `apiVersion`, `kind`, `metadata`, then `spec`, `data`, `stringData`,
 *    `binaryData`; its other keys follow in their original order.
 * 2. Every `metadata` mapping (the object's own, a pod template's, …) starts with `name`,
 *    `generateName`, `namespace`, `labels`, `annotations`.
 * 3. Every mapping that is an item of a list and has a `name` (containers, ports, env, volumes,
 *    CRD versions) starts with `name`.
 * Nothing else moves, and values are never changed: the order is stable and deterministic.
 */
const topLevelOrder = [
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'data',
  'stringData',
  'binaryData',
];
const metadataOrder = ['name', 'generateName', 'namespace', 'labels', 'annotations'];

type JsonMap = Record<string, unknown>;

/** Whether a value is a Kubernetes object (a mapping with string apiVersion and kind). */
export function isKubernetesObject(value: unknown): value is JsonMap {
  return isMap(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/** A copy of a Kubernetes object with its keys in the conventional order. */
export function withConventionalKeyOrder<T>(object: T): T {
  if (!isKubernetesObject(object)) return object;
  return reorder(orderKeys(object, topLevelOrder), false) as T;
}

function reorder(value: unknown, isListItem: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, true));
  if (!isMap(value)) return value;
  const ordered = isListItem && 'name' in value ? orderKeys(value, ['name']) : value;
  const result: JsonMap = {};
  for (const [key, child] of Object.entries(ordered)) {
    result[key] =
      key === 'metadata' && isMap(child)
        ? reorder(orderKeys(child, metadataOrder), false)
        : reorder(child, false);
  }
  return result;
}

function orderKeys(map: JsonMap, first: readonly string[]): JsonMap {
  const result: JsonMap = {};
  for (const key of first) if (key in map) result[key] = map[key];
  for (const [key, value] of Object.entries(map)) if (!(key in result)) result[key] = value;
  return result;
}

function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
