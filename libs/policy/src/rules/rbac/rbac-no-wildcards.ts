import { arrayOf, objectOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { roleKinds } from './rbac-role-kinds';

const ruleFields = ['apiGroups', 'resources', 'verbs'] as const;

export const rbacNoWildcards: ResourceRule = {
  id: 'rbac-no-wildcards',
  severity: 'error',
  rationale:
    'A wildcard grants every verb, resource or API group that exists now and every one added later, which nobody reviewed.',
  checks:
    'No Role or ClusterRole rule has `*` in `verbs`, `resources` or `apiGroups`, alone or inside a name (`*/scale`).',
  fix: 'List the API groups, resources and verbs the workload uses (for a GitLab runner manager: pods, pods/exec, pods/attach, secrets … with their verbs).',
  exemption: 'resource',
  input: 'resource',
  appliesTo: roleKinds,
  check(role) {
    const violations: RuleViolation[] = [];
    arrayOf(role.object.rules).forEach((rule, ruleIndex) => {
      for (const field of ruleFields) {
        arrayOf(objectOf(rule)[field]).forEach((entry, index) => {
          if (typeof entry === 'string' && entry.includes('*')) {
            violations.push({
              path: ['rules', ruleIndex, field, index],
              message: `rule ${ruleIndex} has the wildcard "${entry}" in ${field}`,
            });
          }
        });
      }
    });
    return violations;
  },
};
