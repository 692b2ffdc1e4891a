import { arrayOf, objectOf } from '../../document/json-value';
import { grantsOfRule, type GrantClass, type RbacRule } from '../../rbac/rbac-grants';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { roleKinds } from './rbac-role-kinds';

/** What each forbidden grant hands its holder. */
const consequences: Partial<Record<GrantClass, string>> = {
  'node-proxy': 'the kubelet API of every node, including exec into any pod on it',
  escalate: 'rights it does not hold, by writing them into a role',
  bind: 'any role, cluster-admin included, by binding it',
  impersonate: 'the rights of any user, group or ServiceAccount',
  'pod-exec': 'a shell in every pod of every namespace the role is bound in',
};

export const rbacNoEscalation: ResourceRule = {
  id: 'rbac-no-escalation',
  severity: 'error',
  rationale:
    'A token with these grants is as good as cluster-admin to whoever holds it: a container escape on any node that carries it takes the cluster.',
  checks: [
    'No Role or ClusterRole rule grants:',
    '',
    '- any verb on `nodes/proxy` (the kubelet API: `get` alone is enough to exec into pods, kubernetes/website#54191);',
    '- the verbs `escalate`, `bind` or `impersonate`, on anything;',
    '- in a ClusterRole, `create` or `get` on `pods/exec`, `pods/attach` or `pods/portforward` (one binding away from every namespace).',
    '',
    'A wildcard that reaches one of these (`*` in resources, verbs or API groups) is reported as that grant.',
  ].join('\n'),
  fix: 'Grant what the workload uses: a node agent reads its kubelet through the fine-grained subresources (`nodes/pods`, `nodes/stats`, `nodes/metrics`, `nodes/healthz`, `nodes/configz`, Kubernetes 1.33 KubeletFineGrainedAuthz) instead of `nodes/proxy`; a controller that execs into pods does it with a Role in its own namespace. An upstream role that cannot be narrowed carries an exemption saying where it is bound and why that holder needs it.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: roleKinds,
  check(role) {
    const clusterWide = role.kind === 'ClusterRole';
    const violations: RuleViolation[] = [];
    arrayOf(role.object.rules).forEach((entry, index) => {
      for (const grant of grantsOfRule(objectOf(entry) as RbacRule)) {
        const consequence = consequences[grant.class];
        if (!consequence || (grant.class === 'pod-exec' && !clusterWide)) continue;
        violations.push({
          path: ['rules', index],
          message: `rule ${index} grants ${grant.detail}: ${consequence}`,
        });
      }
    });
    return violations;
  },
};
