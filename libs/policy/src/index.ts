export { checkPolicy } from './engine/check-policy';
export type { ExemptionInForce, PolicyCounts, PolicyReport } from './engine/policy-report';
export type { PolicyFile } from './document/policy-document';
export {
  formatExemption,
  formatPolicyFinding,
  formatPolicySummary,
} from './report/format-policy-report';
export { policyRules, ruleAreas, type RuleArea } from './rules/policy-rules';
export type { ExemptionScope, PolicyRule, RuleMetadata } from './rules/policy-rule';
export { renderPolicyDocs } from './docs/policy-docs';
export {
  admissionPolicies,
  admissionPolicyName,
  assertValidationActions,
  type AdmissionPolicyPair,
  type ValidationAction,
} from './admission/admission-policies';
export type { PolicyOptions } from './engine/check-policy';
export type { ClusterVersions } from './pod-security-version/workload-version';
export { grantsOfRule, type Grant, type GrantClass, type RbacRule } from './rbac/rbac-grants';
export {
  namespaceAdmissionExemptions,
  type WorkloadExemption,
} from './admission/namespace-exemptions';
export { simulateAdmission, type AdmissionVerdict } from './admission/simulate-admission';
export { admissionResourceRules, type AdmissionActions } from './admission/admission-policies';
