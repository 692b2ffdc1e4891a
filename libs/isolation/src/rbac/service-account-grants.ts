import { grantsOfRule, type Grant, type RbacRule } from '@platform/policy';
import { labelOf, type RenderedObject } from '../rendered/rendered-objects';

/** A grant a ServiceAccount holds, through which role and binding, in which scope. */
export interface HeldGrant extends Grant {
  role: string;
  binding: string;
  /** `cluster` for a ClusterRoleBinding, else the RoleBinding's namespace. */
  scope: string;
}

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** Does a binding subject name this ServiceAccount (directly or by one of its groups)? */
function namesAccount(subject: Subject, bindingNamespace: string | undefined, account: string) {
  const [namespace, name] = account.split('/') as [string, string];
  if (subject.kind === 'ServiceAccount')
    return subject.name === name && (subject.namespace ?? bindingNamespace) === namespace;
  if (subject.kind === 'Group')
    return [
      'system:serviceaccounts',
      `system:serviceaccounts:${namespace}`,
      'system:authenticated',
    ].includes(subject.name ?? '');
  return false;
}

/** The rules of a role, with an aggregated ClusterRole's rules taken from the roles it selects. */
function rulesOf(role: RenderedObject, objects: readonly RenderedObject[]): RbacRule[] {
  const own = (role.value.rules ?? []) as RbacRule[];
  const selectors = (role.value.aggregationRule?.clusterRoleSelectors ?? []) as {
    matchLabels?: Record<string, string>;
  }[];
  const aggregated = objects.filter(
    (other) =>
      other.kind === 'ClusterRole' &&
      other !== role &&
      selectors.some((selector) =>
        Object.entries(selector.matchLabels ?? {}).every(
          ([key, value]) => other.value.metadata?.labels?.[key] === value,
        ),
      ),
  );
  return [...own, ...aggregated.flatMap((other) => (other.value.rules ?? []) as RbacRule[])];
}

/**
 * Every grant class a ServiceAccount (`namespace/name`) holds through the rendered bindings of
 * its cluster. Bindings to roles that are not rendered (EKS's built-in roles) grant nothing
 * known here and are skipped.
 */
export function grantsOfServiceAccount(
  account: string,
  objects: readonly RenderedObject[],
): HeldGrant[] {
  const held: HeldGrant[] = [];
  for (const binding of objects) {
    if (binding.kind !== 'ClusterRoleBinding' && binding.kind !== 'RoleBinding') continue;
    const subjects = (binding.value.subjects ?? []) as Subject[];
    if (!subjects.some((s) => namesAccount(s, binding.namespace, account))) continue;
    const ref = binding.value.roleRef as { kind?: string; name?: string } | undefined;
    const role = objects.find(
      (o) =>
        o.kind === ref?.kind &&
        o.name === ref?.name &&
        (o.kind === 'ClusterRole' || o.namespace === binding.namespace),
    );
    if (!role) continue;
    const scope = binding.kind === 'ClusterRoleBinding' ? 'cluster' : (binding.namespace ?? '');
    for (const rule of rulesOf(role, objects))
      for (const grant of grantsOfRule(rule))
        held.push({ ...grant, role: labelOf(role), binding: labelOf(binding), scope });
  }
  return held;
}
