/**
 * CEL building blocks over a Pod (`object`) in the subset of CEL that both the Kubernetes API
 * server and @bufbuild/cel implement alike: field access guarded by `has()`, `in` on maps, the
 * `all` macro and RE2 `matches`. No Kubernetes CEL library function is used.
 */

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

/**
 * `predicate` (over the container variable `c`) holds for every container of the lists. Lists
 * are tested one by one rather than concatenated: Kubernetes merges `+` of list-map fields by
 * key, so a container and an init container of the same name would collapse into one.
 */
export function everyContainer(lists: readonly ContainerList[], predicate: string): string {
  return lists
    .map((list) =>
      list === 'containers'
        ? `object.spec.containers.all(c, ${predicate})`
        : `(!has(object.spec.${list}) || object.spec.${list}.all(c, ${predicate}))`,
    )
    .join(' && ');
}

/** A CEL string literal (single-quoted). */
export function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The annotation `key` of `subject` (`object`, `namespaceObject`) is present and not blank. */
export function hasAnnotation(subject: string, key: string): string {
  const annotations = `${subject}.metadata.annotations`;
  return `has(${annotations}) && ${celString(key)} in ${annotations} && ${annotations}[${celString(key)}].matches('\\\\S')`;
}

/** The annotation `key` of the Pod equals `value`. */
export function annotationEquals(key: string, value: string): string {
  const annotations = 'object.metadata.annotations';
  return `has(${annotations}) && ${celString(key)} in ${annotations} && ${annotations}[${celString(key)}] == ${celString(value)}`;
}
