import type { FieldPath } from '@platform/manifests';
import type { KubernetesResource, PolicyDocument } from '../document/policy-document';
import type { PodSecurityVersion } from '../pod-security-version/workload-version';

/** A kind a rule applies to; `group` is `''` for the core API group. */
export interface KindSelector {
  group: string;
  kind: string;
}

/**
 * How a finding of the rule can be exempted:
 * - `resource`: annotation on the offending resource;
 * - `resource-or-namespace`: also on the workload's Namespace (pod-level rules);
 * - `none`: cannot be exempted (the exemption mechanism's own rules).
 */
export type ExemptionScope = 'resource' | 'resource-or-namespace' | 'none';

/** What docs/policy.md says about a rule; every rule has all of it. */
export interface RuleMetadata {
  /** Stable kebab-case id: in findings, in exemption annotations, in docs anchors. */
  id: string;
  severity: 'error' | 'warning';
  /** One line: why the rule exists. */
  rationale: string;
  /** What the rule checks (Markdown; may be a list). */
  checks: string;
  /** How to fix a finding (Markdown). */
  fix: string;
  exemption: ExemptionScope;
  /** Anything about exempting this rule that the scope alone does not say. */
  exemptionNote?: string;
  /**
   * Another rule that reports the same fields while it is in force: this rule then only reports
   * where that one is exempted, so one problem is one finding.
   */
  defersTo?: string;
}

/** One problem a rule found: the field (possibly missing) and what is wrong with it. */
export interface RuleViolation {
  path: FieldPath;
  message: string;
  /** Point at the key rather than the value (when the key itself is what is wrong). */
  at?: 'key';
}

/** What a rule may know beyond the document it checks. */
export interface RuleContext {
  /** Ids of the rules an exemption annotation may name. */
  exemptibleRuleIds: ReadonlySet<string>;
  /** The Pod Security version a workload is judged at (its namespace's pin, its cluster's version). */
  podSecurityVersion(resource: KubernetesResource): PodSecurityVersion;
  /** The Kubernetes minor of a cluster (`rendered/<cluster>/`), when the inventory knows it. */
  clusterMinor(cluster: string): number | undefined;
}

/**
 * The same rule as the API server applies it to Pods, written in CEL next to the TypeScript check
 * and rendered as a ValidatingAdmissionPolicy (libs/policy/src/admission). `object` is the Pod;
 * every expression must hold for the Pod to be admitted. Only the platform grants exemptions at
 * admission: for `resource-or-namespace` rules, the annotation on the Pod's Namespace (which
 * only the platform writes); never the Pod's own annotations, which whoever creates it writes.
 * A test evaluates the rendered expressions over the rule's fixtures and demands the TypeScript
 * verdict (admission-agreement.test.ts).
 */
export interface AdmissionTwin {
  /**
   * Which namespaces' Pods it guards: every namespace but the system ones EKS manages, or only
   * the ones named.
   */
  namespaces: 'platform' | readonly string[];
  /**
   * `protective`: a pod it refuses could take its node or the API (host access, a token in a CI
   * job); the cluster's `admission.protective` actions apply, `Deny` once rolled out.
   * `advisory`: it keeps pods well-formed (requests, pinned images, do-not-disrupt); the
   * cluster's `admission.advisory` actions apply.
   */
  enforcement: 'protective' | 'advisory';
  validations: readonly { expression: string; message: string }[];
}

/** A rule over Kubernetes objects of some kinds (or of every kind). */
export interface ResourceRule extends RuleMetadata {
  input: 'resource';
  appliesTo: 'every-resource' | readonly KindSelector[];
  check(resource: KubernetesResource, context: RuleContext): RuleViolation[];
  /** Set when CEL can express the rule for Pods: it is then enforced at admission too. */
  admission?: AdmissionTwin;
}

/** A rule over every YAML document, Helm values files included (value scanning). */
export interface DocumentRule extends RuleMetadata {
  input: 'document';
  check(document: PolicyDocument, context: RuleContext): RuleViolation[];
}

export type PolicyRule = ResourceRule | DocumentRule;
