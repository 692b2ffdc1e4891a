import { namespaces } from '@platform/config';
import { committedObjects } from '@platform/rendered-tree';
import { describe, expect, it } from 'vitest';
import {
  executorPermissions,
  executorRbacRules,
  type ExecutorPermission,
} from './executor-permissions';

interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const grants = (rules: readonly PolicyRule[]) =>
  rules.flatMap((rule) =>
    rule.apiGroups.flatMap((group) =>
      rule.resources.flatMap((resource) =>
        rule.verbs.map((verb) => `${group}/${resource} ${verb}`),
      ),
    ),
  );

const granted = (permissions: readonly ExecutorPermission[]) =>
  permissions.filter((p) => p.grant.granted).map((p) => `/${p.resource} ${p.verb}`);

describe('the runner managers’ Role, from the executor permission table', () => {
  const roles = committedObjects('rendered/ci/gitlab-runners').filter((o) => o.kind === 'Role');

  it('is rendered once per job namespace', () => {
    expect(roles.map((role) => role.metadata.namespace).sort()).toEqual(
      [namespaces.ciJobs, namespaces.ciJobsMultiArch, namespaces.ciJobsPrivileged].sort(),
    );
  });

  it('grants exactly the rows the table grants: nothing the table does not list (configmaps)', () => {
    for (const role of roles) {
      const rendered = grants(role.rules as PolicyRule[]);
      const extra = rendered.filter((grant) => !granted(executorPermissions).includes(grant));
      expect(extra, `${role.file} grants what the table does not`).toEqual([]);
      expect(rendered.sort(), role.file).toEqual(granted(executorPermissions).sort());
    }
  });

  it('lists every upstream row once, and says why each is granted or not', () => {
    const keys = executorPermissions.map((p) => `${p.resource} ${p.verb}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(executorPermissions.every((p) => p.grant.reason.length > 0)).toBe(true);
    // Unconditional rows are what every job needs: never left out.
    expect(executorPermissions.filter((p) => !p.upstreamCondition && !p.grant.granted)).toEqual([]);
  });
});

describe('executorRbacRules', () => {
  const row = (resource: string, verb: string, granted = true): ExecutorPermission => ({
    resource,
    verb,
    grant: { granted, reason: 'test' },
  });

  it('groups resources that share the same verbs into one rule, in table order, and leaves ungranted rows out', () => {
    const rules = executorRbacRules([
      row('pods', 'get'),
      row('pods', 'create'),
      row('namespaces', 'create', false),
      row('services', 'get'),
      row('secrets', 'get'),
      row('secrets', 'create'),
    ]);
    expect(rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get', 'create'] },
      { apiGroups: [''], resources: ['services'], verbs: ['get'] },
    ]);
  });
});
