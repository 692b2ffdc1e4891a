/** `kind/namespace/name`, or `kind/name` for objects without a namespace; `-` if not a resource. */
export function resourceLabel(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '-';
  const object = value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const kind = typeof object.kind === 'string' ? object.kind : '?';
  const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '?';
  const namespace =
    typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : undefined;
  if (kind === '?' && name === '?') return '-';
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}
