import { describe, expect, it } from 'vitest';
import type { ResourceRule } from '../rules/policy-rule';
import { admissionPolicies, admissionPolicyName } from './admission-policies';

const rule: ResourceRule = {
  id: 'pod-labelled',
  severity: 'error',
  rationale: 'Test rule.',
  checks: 'Pods carry a team label.',
  fix: 'Add it.',
  exemption: 'resource-or-namespace',
  input: 'resource',
  appliesTo: [{ group: '', kind: 'Pod' }],
  check: () => [],
  admission: {
    namespaces: ['team-a', 'team-b'],
    enforcement: 'protective',
    validations: [
      {
        expression: "has(object.metadata.labels) && 'team' in object.metadata.labels",
        message: 'pods carry a team label',
      },
    ],
  },
};
const withoutTwin: ResourceRule = { ...rule, id: 'no-twin', admission: undefined };
const advisory: ResourceRule = {
  ...rule,
  id: 'advisory',
  exemption: 'resource',
  admission: { ...rule.admission!, enforcement: 'advisory' },
};
const warnAll = { protective: ['Warn', 'Audit'], advisory: ['Warn', 'Audit'] } as const;
const split = { protective: ['Deny', 'Audit'], advisory: ['Warn', 'Audit'] } as const;

describe('admissionPolicies', () => {
  it('renders a policy and a binding for each rule with an admission twin, and none for the others', () => {
    const pairs = admissionPolicies(warnAll, [rule, withoutTwin]);
    expect(pairs.map((pair) => pair.rule)).toEqual(['pod-labelled']);
    const { policy, binding } = pairs[0]!;
    expect(policy.metadata?.name).toBe(admissionPolicyName('pod-labelled'));
    expect(binding.spec).toEqual({
      policyName: 'platform-pod-labelled',
      validationActions: ['Warn', 'Audit'],
    });
  });

  it('binds protective rules with the protective actions and advisory ones with theirs', () => {
    const bindings = admissionPolicies(split, [rule, advisory]).map((pair) => pair.binding.spec);
    expect(bindings).toEqual([
      { policyName: 'platform-pod-labelled', validationActions: ['Deny', 'Audit'] },
      { policyName: 'platform-advisory', validationActions: ['Warn', 'Audit'] },
    ]);
  });

  it('guards creation, updates and ephemeral containers in the twin namespaces; only the Namespace exempts', () => {
    const spec = admissionPolicies(split, [rule])[0]!.policy.spec!;
    expect(spec.matchConstraints).toEqual({
      namespaceSelector: {
        matchExpressions: [
          { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team-a', 'team-b'] },
        ],
      },
      resourceRules: [
        {
          apiGroups: [''],
          apiVersions: ['v1'],
          operations: ['CREATE', 'UPDATE'],
          resources: ['pods', 'pods/ephemeralcontainers'],
        },
      ],
    });
    // Nothing the pod's creator writes lifts the rule: no match condition on its annotations.
    expect(spec.matchConditions).toBeUndefined();
    expect(JSON.stringify(spec)).not.toContain('object.metadata.annotations');
    expect(spec.validations).toEqual([
      {
        expression:
          "variables.namespaceExempt || (has(object.metadata.labels) && 'team' in object.metadata.labels)",
        message: 'pods carry a team label',
      },
    ]);
  });

  it('refuses validation actions the API server would reject', () => {
    const only = (protective: ('Deny' | 'Warn' | 'Audit')[]) =>
      admissionPolicies({ protective, advisory: ['Warn'] }, [rule]);
    expect(() => only(['Deny', 'Warn'])).toThrow('Deny and Warn may not be used together');
    expect(() => only([])).toThrow('at least one action');
    expect(() => only(['Audit', 'Audit'])).toThrow('repeats an action');
    // A rule exempted only on the resource gets no namespace variable either.
    expect(admissionPolicies(split, [advisory])[0]!.policy.spec!.variables).toBeUndefined();
  });
});
