/**
 * Fields that identify an item of a Kubernetes list, in the order they are tried: containers,
 * env, volumes and ports by `name`; label selector requirements and tolerations by `key`; ports
 * without names by number; volume mounts by path. A field is used only when every item on both
 * sides has it as a scalar and no two items on one side share it; otherwise the list is compared
 * by position.
 */
const KEY_FIELDS = [
  'name',
  'key',
  'mountPath',
  'devicePath',
  'containerPort',
  'port',
  'topologyKey',
  'ip',
  'type',
] as const;

export function listItemKey(before: unknown[], after: unknown[]): string | undefined {
  return KEY_FIELDS.find((field) => isKeyFor(field, before) && isKeyFor(field, after));
}

function isKeyFor(field: string, items: unknown[]): boolean {
  if (items.length === 0) return true;
  const seen = new Set<string>();
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
    const value = (item as Record<string, unknown>)[field];
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    const text = String(value);
    if (seen.has(text)) return false;
    seen.add(text);
  }
  return true;
}

export function keyOf(item: unknown, field: string): string {
  return String((item as Record<string, unknown>)[field]);
}
