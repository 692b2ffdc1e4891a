/** A difference between our schema and upstream that is expected, and why. */
export interface KnownDifference {
  /** Matches whole difference lines, as printed by compareSchemas. */
  pattern: RegExp;
  reason: string;
}

export interface DifferenceAudit {
  /** Differences no known difference explains: each is a real disagreement to fix or to list. */
  unexplained: string[];
  /** Known differences that no longer occur: stale entries to remove. */
  unused: KnownDifference[];
}

export function auditDifferences(
  differences: readonly string[],
  known: readonly KnownDifference[],
): DifferenceAudit {
  const used = new Set<KnownDifference>();
  const unexplained = differences.filter((line) => {
    const match = known.find((k) => k.pattern.test(line));
    if (match) used.add(match);
    return !match;
  });
  return { unexplained, unused: known.filter((k) => !used.has(k)) };
}

/** Our models require apiVersion and kind: a manifest without them cannot be applied at all. */
export const typeMetaRequired: KnownDifference = {
  pattern: /^\(root\): "(apiVersion|kind)" required only in ours$/,
  reason:
    'the model interfaces require apiVersion and kind (TypeMeta); upstream schemas leave them optional',
};

/** Our models pin apiVersion and kind to the kind's own values; upstream schemas allow any string. */
export const typeMetaPinned: KnownDifference = {
  pattern: /^(apiVersion|kind): enum ours \["[^"]+"\], upstream none$/,
  reason:
    'the model interfaces pin apiVersion and kind to the kind they describe; upstream schemas leave them to the API server',
};
