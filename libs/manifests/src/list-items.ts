import type { ManifestDocument } from './manifest-document';

/** The keys a List wrapper (`kind: List`, `RoleList`, …) may have besides its items. */
export const listWrapperKeys: ReadonlySet<string> = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'items',
]);

/**
 * Whether a document is a list of objects: `kind: List` (any apiVersion, as kubectl accepts) or a
 * typed list (`RoleList`, `DeploymentList`), with an `items` array.
 */
export function isListDocument(value: unknown): value is { kind: string; items: unknown[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items);
}

/**
 * Expands a document into the objects it holds, each a document of its own whose positions point
 * into the list: itself, or one per item of a List. Items of a typed list (`RoleList`) may leave
 * out their apiVersion and kind, as the API server's own lists do; they take the list's.
 * Validate and policy both read resources through this, so both see the same objects.
 */
export function expandListItems(document: ManifestDocument): ManifestDocument[] {
  const value = document.value;
  if (!isListDocument(value)) return [document];
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind: string };
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  return value.items.map((item, position) => ({
    file: document.file,
    index: document.index,
    value: withListTypeMeta(item, apiVersion, itemKind),
    locate: (path, part) => document.locate(['items', position, ...path], part),
    listItem: position,
  }));
}

function withListTypeMeta(item: unknown, apiVersion: unknown, kind: string | undefined): unknown {
  if (!kind || !item || typeof item !== 'object' || Array.isArray(item)) return item;
  const record = item as Record<string, unknown>;
  if (record.apiVersion !== undefined && record.kind !== undefined) return item;
  return { apiVersion: record.apiVersion ?? apiVersion, kind: record.kind ?? kind, ...record };
}
