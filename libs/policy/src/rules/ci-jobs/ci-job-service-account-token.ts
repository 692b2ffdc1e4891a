import type { ResourceRule } from '../policy-rule';
import { podTemplateOf, podWorkloadKinds } from '../../workload/pod-template';
import { ciJobNamespaces, inCiJobNamespace } from './ci-job-namespaces';

export const ciJobServiceAccountToken: ResourceRule = {
  id: 'ci-job-service-account-token',
  severity: 'error',
  rationale:
    'A CI job runs whatever the pipeline says; with an API token mounted, any merge request could act on the cluster.',
  checks: `Every pod (and pod template) in the CI job namespaces (${ciJobNamespaces.map((n) => `\`${n}\``).join(', ')}) sets \`automountServiceAccountToken: false\` in its own spec, whatever its ServiceAccount says.`,
  fix: "Set `automount_service_account_token = false` in the runner's `[runners.kubernetes]` config, which writes the field into every job pod.",
  exemption: 'resource',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  admission: {
    namespaces: ciJobNamespaces,
    enforcement: 'protective',
    validations: [
      {
        expression:
          'has(object.spec.automountServiceAccountToken) && object.spec.automountServiceAccountToken == false',
        message:
          'CI job pods set automountServiceAccountToken: false (policy rule ci-job-service-account-token)',
      },
    ],
  },
  check(resource) {
    const template = podTemplateOf(resource);
    if (!template || !inCiJobNamespace(resource)) return [];
    const value = template.spec.automountServiceAccountToken;
    if (value === false) return [];
    return [
      {
        path: [...template.specPath, 'automountServiceAccountToken'],
        message:
          value === undefined
            ? 'CI job pod does not set automountServiceAccountToken: false, so it gets an API token unless its ServiceAccount says otherwise'
            : `CI job pod sets automountServiceAccountToken: ${String(value)}`,
      },
    ];
  },
};
