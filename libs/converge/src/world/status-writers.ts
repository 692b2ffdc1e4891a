import { groupOf, kindOf, nameOf, namespaceOf, type KubeObject } from '../kube/kube-object';
import { podSpecOf } from './pod-prerequisites';

/** The workloads whose pods may write a custom resource kind's status, by identity. */
export interface StatusWriters {
  /** `Kind/namespace/name` of each workload. */
  workloads: string[];
}

const rbacGroup = 'rbac.authorization.k8s.io';

function grantsStatusWrite(rules: any[], group: string, plural: string): boolean {
  return (rules ?? []).some(
    (rule) =>
      (rule.apiGroups ?? []).some((g: string) => g === group || g === '*') &&
      (rule.resources ?? []).some((r: string) => r === `${plural}/status` || r === '*') &&
      (rule.verbs ?? []).some((v: string) => v === 'update' || v === 'patch' || v === '*'),
  );
}

/**
 * Who writes the status of `group`/`plural` in a cluster, from the objects rendered for it: the
 * workloads running as a ServiceAccount that a (Cluster)RoleBinding grants `update` or `patch`
 * on `<plural>/status`. An empty list means no rendered controller does: the status is written
 * by something outside rendered/ (an assumption the report lists).
 */
export function statusWritersOf(
  objects: readonly KubeObject[],
  group: string,
  plural: string,
): StatusWriters {
  const roles = new Set(
    objects
      .filter(
        (o) =>
          groupOf(o.apiVersion) === rbacGroup &&
          (kindOf(o) === 'ClusterRole' || kindOf(o) === 'Role'),
      )
      .filter((o) => grantsStatusWrite(o.rules, group, plural))
      .map((o) => `${kindOf(o)}/${kindOf(o) === 'Role' ? namespaceOf(o) : ''}/${nameOf(o)}`),
  );
  const accounts = new Set<string>();
  for (const binding of objects.filter(
    (o) =>
      groupOf(o.apiVersion) === rbacGroup &&
      (kindOf(o) === 'ClusterRoleBinding' || kindOf(o) === 'RoleBinding'),
  )) {
    const ref = binding.roleRef ?? {};
    const role = `${ref.kind}/${ref.kind === 'Role' ? namespaceOf(binding) : ''}/${ref.name}`;
    if (!roles.has(role)) continue;
    for (const subject of binding.subjects ?? [])
      if (subject.kind === 'ServiceAccount')
        accounts.add(`${subject.namespace ?? namespaceOf(binding)}/${subject.name}`);
  }
  const workloads = objects
    .filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(kindOf(o)))
    .filter((o) => {
      const spec = podSpecOf(o) ?? {};
      return accounts.has(
        `${namespaceOf(o)}/${spec.serviceAccountName ?? spec.serviceAccount ?? 'default'}`,
      );
    })
    .map((o) => `${kindOf(o)}/${namespaceOf(o)}/${nameOf(o)}`);
  return { workloads };
}
