import type { KindSelector } from '../policy-rule';

const rbacGroup = 'rbac.authorization.k8s.io';

export const roleKinds: readonly KindSelector[] = [
  { group: rbacGroup, kind: 'Role' },
  { group: rbacGroup, kind: 'ClusterRole' },
];

export const bindingKinds: readonly KindSelector[] = [
  { group: rbacGroup, kind: 'RoleBinding' },
  { group: rbacGroup, kind: 'ClusterRoleBinding' },
];

export const clusterRoleKind: readonly KindSelector[] = [{ group: rbacGroup, kind: 'ClusterRole' }];
