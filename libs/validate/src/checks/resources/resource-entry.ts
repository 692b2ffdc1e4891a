import {
  expandListItems,
  formatFieldPath,
  isListDocument,
  listWrapperKeys,
  resourceLabel,
  type FieldPath,
  type Finding,
  type ManifestDocument,
} from '@platform/manifests';

/** One object to validate: a whole YAML document, or one item of a `kind: List` document. */
export interface ResourceEntry {
  document: ManifestDocument;
  /** Where the object sits in its document: `[]`, or `['items', 2]` for a List item. */
  basePath: FieldPath;
  value: unknown;
  /** `kind/namespace/name`, as findings show it. */
  label: string;
}

/** Expands a document into the objects it holds: itself, or the items of a List. */
export function resourceEntries(document: ManifestDocument): ResourceEntry[] {
  return expandListItems(document).map((item) => ({
    document: item,
    basePath: [],
    value: item.value,
    label: resourceLabel(item.value),
  }));
}

/** Fields of a List wrapper that are not apiVersion, kind, metadata or items. */
export function listWrapperFindings(document: ManifestDocument): Finding[] {
  if (!isListDocument(document.value)) return [];
  const entry: ResourceEntry = { document, basePath: [], value: document.value, label: '-' };
  return Object.keys(document.value)
    .filter((key) => !listWrapperKeys.has(key))
    .map((key) =>
      entryFinding(entry, {
        path: [key],
        part: 'key',
        message: `unknown field "${key}"`,
        rule: 'schema',
      }),
    );
}

export interface FindingDetails {
  path: FieldPath;
  message: string;
  rule: string;
  /** Point at the field's key rather than its value; defaults to the value. */
  part?: 'key' | 'value';
  /** Source position to report when it differs from `path` (e.g. the parent of a missing field). */
  locatePath?: FieldPath;
  severity?: Finding['severity'];
}

/** A finding about a field of an entry, located in the YAML source. */
export function entryFinding(entry: ResourceEntry, details: FindingDetails): Finding {
  const at = entry.document.locate(
    [...entry.basePath, ...(details.locatePath ?? details.path)],
    details.part ?? 'value',
  );
  return {
    file: entry.document.file,
    line: at.line,
    column: at.column,
    resource: entry.label,
    field: formatFieldPath(details.path),
    message: details.message,
    severity: details.severity ?? 'error',
    rule: details.rule,
  };
}
