import type { RenderedObject } from '../rendered/rendered-objects';

/**
 * The keys of each Secret the rendered objects of a cluster create: a Secret's own data, or what
 * an ExternalSecret writes into its target (`data[].secretKey` and its template's keys).
 * `undefined` when an ExternalSecret copies whole remote secrets (`dataFrom`): unknown here.
 */
export function secretKeys(
  objects: readonly RenderedObject[],
): Map<string, Set<string> | undefined> {
  const keys = new Map<string, Set<string> | undefined>();
  for (const object of objects) {
    if (object.kind === 'Secret') {
      const names = [
        ...Object.keys(object.value.data ?? {}),
        ...Object.keys(object.value.stringData ?? {}),
      ];
      keys.set(`${object.namespace}/${object.name}`, new Set(names));
    } else if (object.kind === 'ExternalSecret') {
      const spec = object.value.spec ?? {};
      const target = `${object.namespace}/${spec.target?.name ?? object.name}`;
      if (spec.dataFrom) {
        keys.set(target, undefined);
        continue;
      }
      const names = [
        ...((spec.data ?? []) as { secretKey: string }[]).map((entry) => entry.secretKey),
        ...Object.keys(spec.target?.template?.data ?? {}),
      ];
      keys.set(target, new Set(names));
    }
  }
  return keys;
}
