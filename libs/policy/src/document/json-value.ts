/**
 * Manifests arrive as parsed YAML of unknown shape (schema validation is a separate check), so
 * rules read them through these total functions: a missing or mistyped field reads as empty,
 * never as a crash.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or an empty object when it is anything else. */
export function objectOf(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** The value as an array, or an empty array when it is anything else. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a string, else undefined. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The node at `path`, or undefined when any step is missing. */
export function valueAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[segment];
    } else {
      if (!isJsonObject(node)) return undefined;
      node = node[segment];
    }
  }
  return node;
}

/** Whether every step of `path` exists (the last one may hold null). */
export function pathExists(root: unknown, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return true;
  const parent = valueAtPath(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (typeof last === 'number') return Array.isArray(parent) && last < parent.length;
  return isJsonObject(parent) && Object.hasOwn(parent, last);
}
