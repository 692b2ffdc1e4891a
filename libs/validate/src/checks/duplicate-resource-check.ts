import { clusterOfPath, type Finding } from '@platform/manifests';
import { entryFinding } from '../resources/resource-entry';
import type { IdentifiedResource } from '../resources/identified-resource';

/**
 * Two manifests for the same object (same cluster, group, kind, namespace and name, whatever the
 * API version) would fight over it in ArgoCD; the same object on two clusters is two objects. Every occurrence is reported, each naming the others.
 */
export function findDuplicateResources(resources: readonly IdentifiedResource[]): Finding[] {
  const byIdentity = new Map<string, IdentifiedResource[]>();
  for (const resource of resources) {
    const metadata = (
      resource.entry.value as { metadata?: { name?: unknown; namespace?: unknown } }
    ).metadata;
    if (typeof metadata?.name !== 'string') continue;
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
    const identity = [
      clusterOfPath(resource.entry.document.file),
      resource.typeMeta.group,
      resource.typeMeta.kind,
      namespace,
      metadata.name,
    ].join('\u0000');
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), resource]);
  }
  const findings: Finding[] = [];
  for (const occurrences of byIdentity.values()) {
    if (occurrences.length < 2) continue;
    const located = occurrences.map((resource) =>
      entryFinding(resource.entry, {
        path: ['metadata', 'name'],
        message: '',
        rule: 'duplicate-resource',
      }),
    );
    located.forEach((finding, index) => {
      const others = located
        .filter((_, other) => other !== index)
        .map((o) => `${o.file}:${o.line}:${o.column}`);
      findings.push({
        ...finding,
        message: `duplicate resource: ${finding.resource} is also defined at ${others.join(', ')}`,
      });
    });
  }
  return findings;
}
