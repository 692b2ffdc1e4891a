import type { Finding } from '@platform/manifests';
import { byCluster, findingAt, labelOf, type RenderedObject } from '../rendered/rendered-objects';

export const secretStoreScopeRule = 'secret-store-scope';

/**
 * Every ClusterSecretStore serves exactly the namespaces whose ExternalSecrets use it: named in
 * `spec.conditions[].namespaces` (a selector or a regex could grow with a namespace anyone
 * creates), none missing (External Secrets would refuse that ExternalSecret) and none extra.
 * Without conditions, an ExternalSecret in any namespace reads every secret the store's IAM role
 * may read: the runner tokens, the Datadog keys.
 */
export function checkSecretStoreScope(objects: readonly RenderedObject[]): Finding[] {
  const findings: Finding[] = [...aggregatedWriters(objects)];
  for (const [, cluster] of byCluster(objects)) {
    for (const store of cluster.filter((o) => o.kind === 'ClusterSecretStore')) {
      const users = cluster.filter(
        (o) =>
          o.kind === 'ExternalSecret' &&
          o.value.spec?.secretStoreRef?.kind === 'ClusterSecretStore' &&
          o.value.spec?.secretStoreRef?.name === store.name,
      );
      findings.push(...scopeFindings(store, users));
    }
  }
  return findings;
}

function scopeFindings(store: RenderedObject, users: readonly RenderedObject[]): Finding[] {
  const at = (path: (string | number)[], message: string) =>
    findingAt(store, path, secretStoreScopeRule, message);
  const conditions = (store.value.spec?.conditions ?? []) as Record<string, unknown>[];
  if (conditions.length === 0)
    return [
      at(
        ['spec'],
        'has no spec.conditions: an ExternalSecret in any namespace may read every secret its IAM role reads',
      ),
    ];
  const findings: Finding[] = [];
  conditions.forEach((condition, index) => {
    if (condition.namespaceSelector || condition.namespaceRegexes)
      findings.push(
        at(
          ['spec', 'conditions', index],
          'selects namespaces by label or pattern, which a new namespace may match: name them in namespaces',
        ),
      );
  });
  const served = new Set(conditions.flatMap((c) => (c.namespaces ?? []) as string[]));
  const used = new Set(users.map((u) => u.namespace ?? ''));
  for (const user of users)
    if (!served.has(user.namespace ?? ''))
      findings.push(
        at(
          ['spec', 'conditions'],
          `does not serve namespace ${user.namespace}, so ${labelOf(user)} gets no Secret`,
        ),
      );
  for (const namespace of [...served].sort())
    if (!used.has(namespace))
      findings.push(
        at(
          ['spec', 'conditions'],
          `serves namespace ${namespace}, where no ExternalSecret uses it`,
        ),
      );
  return findings;
}

const aggregationLabels = [
  'rbac.authorization.k8s.io/aggregate-to-edit',
  'rbac.authorization.k8s.io/aggregate-to-admin',
];

/**
 * A ClusterRole that aggregates into Kubernetes' `edit` or `admin` and may write ExternalSecrets:
 * whoever is granted `edit` in any namespace the store serves could copy its secrets out.
 */
function aggregatedWriters(objects: readonly RenderedObject[]): Finding[] {
  return objects.flatMap((role) => {
    if (role.kind !== 'ClusterRole') return [];
    const labels = (role.value.metadata?.labels ?? {}) as Record<string, string>;
    const into = aggregationLabels.filter((label) => labels[label] === 'true');
    const writes = (
      (role.value.rules ?? []) as { apiGroups?: string[]; resources?: string[]; verbs?: string[] }[]
    ).some(
      (rule) =>
        (rule.apiGroups ?? []).some((g) => g === 'external-secrets.io' || g === '*') &&
        (rule.resources ?? []).some((r) => r === 'externalsecrets' || r === '*') &&
        (rule.verbs ?? []).some((v) => ['create', 'update', 'patch', '*'].includes(v)),
    );
    if (into.length === 0 || !writes) return [];
    return [
      findingAt(
        role,
        ['metadata', 'labels'],
        secretStoreScopeRule,
        `aggregates ExternalSecret writes into ${into.map((l) => l.split('aggregate-to-')[1]).join(' and ')}: anyone with that role in a namespace the store serves can copy its secrets out`,
      ),
    ];
  });
}
