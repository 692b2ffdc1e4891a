import { objectOf } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { bindingKinds } from './rbac-role-kinds';

export const rbacNoClusterAdmin: ResourceRule = {
  id: 'rbac-no-cluster-admin',
  severity: 'error',
  rationale:
    'cluster-admin is every permission there is; a subject holding it turns any bug into full control of the cluster.',
  checks: 'No RoleBinding or ClusterRoleBinding refers to the ClusterRole `cluster-admin`.',
  fix: 'Bind a Role (or ClusterRole) that lists only what the subject needs. ArgoCD itself reaches workload clusters through an EKS access entry, not a binding rendered here.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: bindingKinds,
  check(binding) {
    const roleRef = objectOf(binding.object.roleRef);
    if (roleRef.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') return [];
    const scope =
      binding.kind === 'RoleBinding' ? `namespace ${binding.namespace ?? '?'}` : 'the cluster';
    return [
      {
        path: ['roleRef', 'name'],
        message: `${binding.kind} grants cluster-admin, full control of ${scope}`,
      },
    ];
  },
};
