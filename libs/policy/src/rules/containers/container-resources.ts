import { objectOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { podContainers } from '../../workload/pod-containers';
import { podTemplateOf, podWorkloadKinds } from '../../workload/pod-template';
import { everyContainer } from '../../admission/cel-pod';

/** The quantities every container states: the scheduler packs by requests, the kernel kills by limit. */
const requiredQuantities = [
  { section: 'requests', resource: 'cpu', what: 'CPU request' },
  { section: 'requests', resource: 'memory', what: 'memory request' },
  { section: 'limits', resource: 'memory', what: 'memory limit' },
] as const;

export const containerResources: ResourceRule = {
  id: 'container-resources',
  severity: 'error',
  rationale:
    'Karpenter sizes nodes from requests, so a container without them is packed onto nodes it then starves or gets evicted from.',
  checks:
    'Every container and init container of every pod template sets `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory`. (Ephemeral containers cannot have resources and are skipped.)',
  fix: 'Set the requests from observed usage and a memory limit (usually equal to the memory request, so the pod is not the first evicted under node pressure). A CPU limit is optional.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: podWorkloadKinds,
  admission: {
    namespaces: 'platform',
    enforcement: 'advisory',
    validations: [
      {
        expression: everyContainer(
          ['containers', 'initContainers'],
          requiredQuantities
            .map(
              ({ section, resource }) =>
                `has(c.resources.${section}) && '${resource}' in c.resources.${section}`,
            )
            .map((present) => `(has(c.resources) && ${present})`)
            .join(' && '),
        ),
        message:
          'every container and init container sets resources.requests.cpu, resources.requests.memory and resources.limits.memory (policy rule container-resources)',
      },
    ],
  },
  check(resource) {
    const template = podTemplateOf(resource);
    if (!template) return [];
    const violations: RuleViolation[] = [];
    for (const container of podContainers(template, ['containers', 'initContainers'])) {
      const resources = objectOf(container.value.resources);
      for (const { section, resource: quantity, what } of requiredQuantities) {
        if (objectOf(resources[section])[quantity] === undefined) {
          violations.push({
            path: [...container.path, 'resources', section, quantity],
            message: `${container.title} has no ${what}`,
          });
        }
      }
    }
    return violations;
  },
};
