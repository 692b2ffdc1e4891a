import type { FieldPath } from '@platform/manifests';
import { arrayOf, objectOf } from '../../document/json-value';
import type { ResourceRule, RuleViolation } from '../policy-rule';
import { appProjectKind } from './argocd-kinds';

export const argocdProjectNoWildcards: ResourceRule = {
  id: 'argocd-project-no-wildcards',
  severity: 'error',
  rationale:
    'An AppProject is the limit on what its Applications may deploy and where; a wildcard removes the limit.',
  checks:
    "No AppProject has `*` (alone or in a glob) in `sourceRepos`, in a destination's `server`, `name` or `namespace`, or in a `clusterResourceWhitelist` entry's `group` or `kind`.",
  fix: 'List the exact repositories, cluster/namespace pairs and cluster-scoped kinds; `appProjectFor()` (apps/argocd-root) derives them from the catalog.',
  exemption: 'resource',
  input: 'resource',
  appliesTo: appProjectKind,
  check(project) {
    const spec = objectOf(project.object.spec);
    const violations: RuleViolation[] = [];
    const check = (path: FieldPath, value: unknown, what: string) => {
      if (typeof value === 'string' && value.includes('*')) {
        violations.push({ path, message: `AppProject allows any ${what} ("${value}")` });
      }
    };
    arrayOf(spec.sourceRepos).forEach((repo, index) =>
      check(['spec', 'sourceRepos', index], repo, 'source repository'),
    );
    arrayOf(spec.destinations).forEach((destination, index) => {
      for (const field of ['server', 'name', 'namespace'] as const) {
        check(
          ['spec', 'destinations', index, field],
          objectOf(destination)[field],
          `destination ${field}`,
        );
      }
    });
    arrayOf(spec.clusterResourceWhitelist).forEach((entry, index) => {
      for (const field of ['group', 'kind'] as const) {
        check(
          ['spec', 'clusterResourceWhitelist', index, field],
          objectOf(entry)[field],
          `cluster-scoped ${field}`,
        );
      }
    });
    return violations;
  },
};
