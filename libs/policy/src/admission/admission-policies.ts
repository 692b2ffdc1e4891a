import { policyExemptionAnnotation } from '@platform/manifests';
import type { IValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import type { IValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding';
import type { AdmissionTwin, PolicyRule, ResourceRule } from '../rules/policy-rule';
import { policyRules } from '../rules/policy-rules';
import { hasAnnotation } from './cel-pod';

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

/** The bindings' actions of a cluster, by the kind of rule (AdmissionTwin `enforcement`). */
export interface AdmissionActions {
  protective: readonly ValidationAction[];
  advisory: readonly ValidationAction[];
}

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

/**
 * What a policy matches: a pod's creation, every update of it (labels, annotations, images), and
 * the ephemeral containers `kubectl debug` adds (an UPDATE of the `ephemeralcontainers`
 * subresource, whose `object` is the whole Pod).
 */
export const admissionResourceRules = [
  {
    apiGroups: [''],
    apiVersions: ['v1'],
    operations: ['CREATE', 'UPDATE'] as ('CREATE' | 'UPDATE')[],
    resources: ['pods', 'pods/ephemeralcontainers'],
  },
];

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
  actions: AdmissionActions,
  rules: readonly PolicyRule[] = policyRules,
): AdmissionPolicyPair[] {
  assertValidationActions(actions.protective);
  assertValidationActions(actions.advisory);
  return rules.flatMap((rule) => {
    if (rule.input !== 'resource' || !rule.admission) return [];
    return [
      {
        rule: rule.id,
        policy: admissionPolicy(rule, rule.admission),
        binding: admissionPolicyBinding(rule, actions[rule.admission.enforcement]),
      },
    ];
  });
}

/** Whether admission honours a Namespace's exemption annotation for this rule. */
export function namespaceExemptAtAdmission(rule: ResourceRule): boolean {
  return rule.exemption === 'resource-or-namespace';
}

function admissionPolicy(rule: ResourceRule, twin: AdmissionTwin): IValidatingAdmissionPolicy {
  const namespaceScoped = namespaceExemptAtAdmission(rule);
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
        resourceRules: admissionResourceRules.map((rule) => ({ ...rule })),
      },
      // No exemption from the Pod's own annotations: whoever creates a pod writes them. The
      // platform grants an exemption on the Namespace, which only it writes.
      ...(namespaceScoped
        ? {
            variables: [
              {
                name: namespaceExemptVariable,
                expression: `namespaceObject != null && ${hasAnnotation('namespaceObject', policyExemptionAnnotation(rule.id))}`,
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
