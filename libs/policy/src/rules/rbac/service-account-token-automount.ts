import type { ResourceRule } from '../policy-rule';

export const serviceAccountTokenAutomount: ResourceRule = {
  id: 'service-account-token-automount',
  severity: 'error',
  rationale:
    'A mounted API token is the first thing an attacker in a pod uses; pods that never call the API should not carry one.',
  checks: 'Every ServiceAccount sets `automountServiceAccountToken: false`.',
  fix: 'Set `automountServiceAccountToken: false` on the ServiceAccount. A pod that does call the API (a runner manager, a controller) sets `automountServiceAccountToken: true` in its own pod spec, or its ServiceAccount carries the exemption saying which pods need the token.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: [{ group: '', kind: 'ServiceAccount' }],
  check(account) {
    const value = account.object.automountServiceAccountToken;
    if (value === false) return [];
    return [
      {
        path: ['automountServiceAccountToken'],
        message:
          value === undefined
            ? 'ServiceAccount does not set automountServiceAccountToken: false, so every pod using it gets an API token'
            : `ServiceAccount sets automountServiceAccountToken: ${String(value)}, so every pod using it gets an API token`,
      },
    ];
  },
};
