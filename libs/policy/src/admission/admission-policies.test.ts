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
    validations: [
      {
        expression: "has(object.metadata.labels) && 'team' in object.metadata.labels",
        message: 'pods carry a team label',
      },
    ],
  },
};
const withoutTwin: ResourceRule = { ...rule, id: 'no-twin', admission: undefined };

describe('admissionPolicies', () => {
  it('renders a policy and a binding for each rule with an admission twin, and none for the others', () => {
    const pairs = admissionPolicies(['Warn', 'Audit'], [rule, withoutTwin]);
    expect(pairs.map((pair) => pair.rule)).toEqual(['pod-labelled']);
    const { policy, binding } = pairs[0]!;
    expect(policy.metadata?.name).toBe(admissionPolicyName('pod-labelled'));
    expect(binding.spec).toEqual({
      policyName: 'platform-pod-labelled',
      validationActions: ['Warn', 'Audit'],
    });
  });

  it('guards pod creation in the twin namespaces, and turns the exemption annotation into a match condition', () => {
    const spec = admissionPolicies(['Deny', 'Audit'], [rule])[0]!.policy.spec!;
    expect(spec.matchConstraints).toEqual({
      namespaceSelector: {
        matchExpressions: [
          { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team-a', 'team-b'] },
        ],
      },
      resourceRules: [
        { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] },
      ],
    });
    expect(spec.matchConditions).toEqual([
      {
        name: 'not-exempted',
        expression:
          "!(has(object.metadata.annotations) && 'policy.platform/exempt.pod-labelled' in object.metadata.annotations && object.metadata.annotations['policy.platform/exempt.pod-labelled'].matches('\\\\S'))",
      },
    ]);
    // A namespace-wide exemption needs namespaceObject, which match conditions cannot see.
    expect(spec.validations).toEqual([
      {
        expression:
          "variables.namespaceExempt || (has(object.metadata.labels) && 'team' in object.metadata.labels)",
        message: 'pods carry a team label',
      },
    ]);
  });

  it('refuses validation actions the API server would reject', () => {
    expect(() => admissionPolicies(['Deny', 'Warn'], [rule])).toThrow(
      'Deny and Warn may not be used together',
    );
    expect(() => admissionPolicies([], [rule])).toThrow('at least one action');
    expect(() => admissionPolicies(['Audit', 'Audit'], [rule])).toThrow('repeats an action');
  });
});
