import { policyExemptionAnnotation } from '@platform/manifests';
import type { IValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import type { IValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding';
import type { AdmissionTwin, PolicyRule, ResourceRule } from '../rules/policy-rule';
import { policyRules } from '../rules/policy-rules';
import { hasAnnotation } from './cel-pod';

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

/**
 * Namespaces whose pods no admission policy guards: EKS installs its add-ons there (aws-node,
 * kube-proxy, CSI drivers need host access by design), and what this repository deploys there
 * is checked by `gitops policy` before it is committed.
 */
export const systemNamespaces: readonly string[] = [
  'kube-system',
  'kube-node-lease',
  'kube-public',
];

/** The label the API server puts on every Namespace, holding its name. */
const namespaceNameLabel = 'kubernetes.io/metadata.name';

/** Name of the CEL variable that says the pod's Namespace exempts it. */
export const namespaceExemptVariable = 'namespaceExempt';

export interface AdmissionPolicyPair {
  rule: string;
  policy: IValidatingAdmissionPolicy;
  binding: IValidatingAdmissionPolicyBinding;
}

/** The ValidatingAdmissionPolicy name of a rule. */
export function admissionPolicyName(ruleId: string): string {
  return `platform-${ruleId}`;
}

/**
 * One ValidatingAdmissionPolicy and its binding per rule with an admission twin, generated from
 * the rule itself. Plain objects: the caller adds them to a chart.
 */
export function admissionPolicies(
  validationActions: readonly ValidationAction[],
  rules: readonly PolicyRule[] = policyRules,
): AdmissionPolicyPair[] {
  assertValidationActions(validationActions);
  return rules.flatMap((rule) => {
    if (rule.input !== 'resource' || !rule.admission) return [];
    return [
      {
        rule: rule.id,
        policy: admissionPolicy(rule, rule.admission),
        binding: admissionPolicyBinding(rule, validationActions),
      },
    ];
  });
}

function admissionPolicy(rule: ResourceRule, twin: AdmissionTwin): IValidatingAdmissionPolicy {
  const namespaceScoped = rule.exemption === 'resource-or-namespace';
  const exempt = (subject: string) => hasAnnotation(subject, policyExemptionAnnotation(rule.id));
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: {
      name: admissionPolicyName(rule.id),
      annotations: { 'policy.platform/docs': `docs/policy.md#${rule.id}` },
    },
    spec: {
      // An expression that errors fails the request under the binding's actions: a policy
      // that cannot be evaluated must not silently admit.
      failurePolicy: 'Fail',
      matchConstraints: {
        namespaceSelector: {
          matchExpressions: [
            twin.namespaces === 'platform'
              ? { key: namespaceNameLabel, operator: 'NotIn', values: [...systemNamespaces] }
              : { key: namespaceNameLabel, operator: 'In', values: [...twin.namespaces] },
          ],
        },
        resourceRules: [
          { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] },
        ],
      },
      ...(rule.exemption === 'none'
        ? {}
        : { matchConditions: [{ name: 'not-exempted', expression: `!(${exempt('object')})` }] }),
      ...(namespaceScoped
        ? {
            variables: [
              {
                name: namespaceExemptVariable,
                expression: `namespaceObject != null && ${exempt('namespaceObject')}`,
              },
            ],
          }
        : {}),
      validations: twin.validations.map(({ expression, message }) => ({
        expression: namespaceScoped
          ? `variables.${namespaceExemptVariable} || (${expression})`
          : expression,
        message,
      })),
    },
  };
}

function admissionPolicyBinding(
  rule: ResourceRule,
  validationActions: readonly ValidationAction[],
): IValidatingAdmissionPolicyBinding {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: admissionPolicyName(rule.id) },
    spec: {
      policyName: admissionPolicyName(rule.id),
      validationActions: [...validationActions],
    },
  };
}

/** The API server's own rules for a binding's actions, checked before anything is rendered. */
export function assertValidationActions(actions: readonly ValidationAction[]): void {
  if (actions.length === 0) throw new Error('validationActions: at least one action is required');
  if (new Set(actions).size !== actions.length) {
    throw new Error(`validationActions: [${actions.join(', ')}] repeats an action`);
  }
  if (actions.includes('Deny') && actions.includes('Warn')) {
    throw new Error(
      'validationActions: Deny and Warn may not be used together (the API server rejects the binding); use [Deny, Audit]',
    );
  }
}
