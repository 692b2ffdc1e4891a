/**
 * Kinds validated without a schema (names, labels and duplicates are still checked). Every other
 * kind without an embedded schema is an error, so a new kind cannot slip through unchecked.
 * Prefer adding the kind's model to tools/schemas/src/sources/resource-models.ts; list it here
 * only when no typed model exists, and say why.
 */
export interface SkippedKind {
  /** Omit to skip the kind in every API version. */
  apiVersion?: string;
  kind: string;
  /** Why this kind has no schema; shown in reviews of this file. */
  reason: string;
}

export const skippedKinds: readonly SkippedKind[] = [];

export function findSkippedKind(
  list: readonly SkippedKind[],
  apiVersion: string,
  kind: string,
): SkippedKind | undefined {
  return list.find(
    (entry) =>
      entry.kind === kind && (entry.apiVersion === undefined || entry.apiVersion === apiVersion),
  );
}
