import { clusterOfPath, expandListItems, type Finding, type ParsedFile } from '@platform/manifests';
import type { IdentifiedResource } from './resources/identified-resource';

/**
 * What the duplicate check needs of one resource: its identity and where to find it again. Plain
 * data, so a worker thread can hand it over; the position is looked up only for duplicates.
 */
export interface DuplicateCandidate {
  /** Cluster, group, kind, namespace and name, joined. */
  identity: string;
  /** `kind/namespace/name`, as findings show it. */
  label: string;
  file: string;
  /** The document's position in its file, and the item's in a List document. */
  document: number;
  listItem?: number;
}

/** The line and column of a candidate's `metadata.name`. */
export type LocateCandidateName = (candidate: DuplicateCandidate) => {
  line: number;
  column: number;
};

/** The resource's duplicate-check identity, or undefined when it has no name to clash on. */
export function duplicateCandidate(resource: IdentifiedResource): DuplicateCandidate | undefined {
  const { entry, typeMeta } = resource;
  const metadata = (entry.value as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
  if (typeof metadata?.name !== 'string') return undefined;
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const identity = [
    clusterOfPath(entry.document.file),
    typeMeta.group,
    typeMeta.kind,
    namespace,
    metadata.name,
  ].join('\u0000');
  return {
    identity,
    label: entry.label,
    file: entry.document.file,
    document: entry.document.index,
    ...(entry.document.listItem === undefined ? {} : { listItem: entry.document.listItem }),
  };
}

/**
 * Two manifests for the same object (same cluster, group, kind, namespace and name, whatever the
 * API version) would fight over it in ArgoCD; the same object on two clusters is two objects. Every occurrence is reported, each naming the others.
 */
export function findDuplicateResources(
  candidates: readonly DuplicateCandidate[],
  locateName: LocateCandidateName,
): Finding[] {
  const byIdentity = new Map<string, DuplicateCandidate[]>();
  for (const candidate of candidates) {
    const occurrences = byIdentity.get(candidate.identity);
    if (occurrences) occurrences.push(candidate);
    else byIdentity.set(candidate.identity, [candidate]);
  }
  const findings: Finding[] = [];
  for (const occurrences of byIdentity.values()) {
    if (occurrences.length < 2) continue;
    const located = occurrences.map((candidate) => ({
      candidate,
      ...locateName(candidate),
    }));
    located.forEach(({ candidate, line, column }, index) => {
      const others = located
        .filter((_, other) => other !== index)
        .map((o) => `${o.candidate.file}:${o.line}:${o.column}`);
      findings.push({
        file: candidate.file,
        line,
        column,
        resource: candidate.label,
        field: 'metadata.name',
        message: `duplicate resource: ${candidate.label} is also defined at ${others.join(', ')}`,
        severity: 'error',
        rule: 'duplicate-resource',
      });
    });
  }
  return findings;
}

/** Locates candidates in their parsed file: the document, then the List item, then the name. */
export function locateCandidateName(
  parsed: ParsedFile,
  candidate: DuplicateCandidate,
): { line: number; column: number } {
  const document = parsed.documents.find((d) => d.index === candidate.document);
  if (!document) return { line: 1, column: 1 };
  const item =
    candidate.listItem === undefined ? document : expandListItems(document)[candidate.listItem];
  return (item ?? document).locate(['metadata', 'name'], 'value');
}
