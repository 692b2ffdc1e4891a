import { arrayOf, objectOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { clusterRoleKind } from './rbac-role-kinds';

const readVerbs = ['get', 'list', 'watch'];

export const rbacNoClusterSecretRead: ResourceRule = {
  id: 'rbac-no-cluster-secret-read',
  severity: 'error',
  rationale:
    'Reading Secrets in every namespace is reading every credential in the cluster, including the tokens of more privileged service accounts.',
  checks:
    'No ClusterRole rule grants `get`, `list` or `watch` (or `*`) on `secrets` (or `*`) in the core API group (or `*`). A ClusterRole is checked even when only RoleBindings use it: the grant is one binding away from cluster-wide.',
  fix: 'Grant Secret access with a Role in the namespace that holds the Secrets, limited to the verbs used and, where possible, to `resourceNames`.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: clusterRoleKind,
  check(role) {
    const violations: RuleViolation[] = [];
    arrayOf(role.object.rules).forEach((entry, index) => {
      const rule = objectOf(entry);
      const groups = arrayOf(rule.apiGroups);
      const resources = arrayOf(rule.resources);
      const verbs = arrayOf(rule.verbs);
      const coreGroup = groups.includes('') || groups.includes('*');
      const secrets = resources.includes('secrets') || resources.includes('*');
      const granted = verbs.includes('*')
        ? readVerbs
        : readVerbs.filter((verb) => verbs.includes(verb));
      if (coreGroup && secrets && granted.length > 0) {
        violations.push({
          path: ['rules', index],
          message: `rule ${index} grants ${granted.join(', ')} on secrets in every namespace`,
        });
      }
    });
    return violations;
  },
};
