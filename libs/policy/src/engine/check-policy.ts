import { compareFindings, formatFieldPath, type Finding } from '@platform/manifests';
import { pathExists, valueAtPath } from '../document/json-value';
import {
  readPolicyDocuments,
  type KubernetesResource,
  type PolicyDocument,
  type PolicyFile,
} from '../document/policy-document';
import type { PolicyRule, ResourceRule, RuleContext, RuleViolation } from '../rules/policy-rule';
import { policyRules } from '../rules/policy-rules';
import { inventoryClusterVersions } from '../pod-security-version/inventory-cluster-versions';
import { minorOfInventoryVersion } from '../pod-security-version/kubernetes-minor';
import {
  podSecurityVersions,
  type ClusterVersions,
} from '../pod-security-version/workload-version';
import { ExemptionLedger } from './exemption-ledger';
import type { PolicyReport } from './policy-report';

export interface PolicyOptions {
  /** Kubernetes version by cluster; defaults to the inventory's (libs/config). */
  clusterVersions?: ClusterVersions;
}

/**
 * Checks files against the policy rules. Pure: takes file contents, returns findings and the
 * exemptions in force. Manifests get every rule; Helm values files (with the `# helm-values:`
 * header) only the rules that scan values, since they are not Kubernetes objects.
 */
export function checkPolicy(
  files: readonly PolicyFile[],
  rules: readonly PolicyRule[] = policyRules,
  options: PolicyOptions = {},
): PolicyReport {
  const { documents, findings } = readPolicyDocuments(files);
  const exemptibleRuleIds = new Set(
    rules.filter((rule) => rule.exemption !== 'none').map((rule) => rule.id),
  );
  const clusterVersions = options.clusterVersions ?? inventoryClusterVersions();
  const context: RuleContext = {
    exemptibleRuleIds,
    podSecurityVersion: podSecurityVersions(documents, clusterVersions),
    clusterMinor: (cluster) => {
      const version = clusterVersions[cluster];
      return version === undefined ? undefined : minorOfInventoryVersion(version);
    },
  };
  const ledger = new ExemptionLedger(documents, exemptibleRuleIds);
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));

  for (const document of documents) {
    const { resource } = document;
    for (const rule of rules) {
      const violations = runRule(rule, document, context);
      if (violations.length === 0) continue;
      if (resource) {
        if (ledger.covering(resource, rule.id, rule.exemption)) continue;
        const deferredTo = rule.defersTo ? ruleById.get(rule.defersTo) : undefined;
        // While the rule it defers to is in force, that rule already reports these fields.
        if (deferredTo && !ledger.covering(resource, deferredTo.id, deferredTo.exemption)) continue;
      }
      findings.push(...violations.map((violation) => toFinding(rule, document, violation)));
    }
  }

  findings.sort(compareFindings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    findings,
    exemptions: ledger.inForce,
    counts: {
      files: files.length,
      resources: documents.filter((document) => document.resource).length,
      errors,
      warnings: findings.length - errors,
      exemptions: ledger.inForce.length,
    },
  };
}

function runRule(
  rule: PolicyRule,
  document: PolicyDocument,
  context: RuleContext,
): RuleViolation[] {
  if (rule.input === 'document') return rule.check(document, context);
  const { resource } = document;
  if (!resource || !applies(rule.appliesTo, resource)) return [];
  return rule.check(resource, context);
}

function applies(appliesTo: ResourceRule['appliesTo'], resource: KubernetesResource): boolean {
  return (
    appliesTo === 'every-resource' ||
    appliesTo.some((kind) => kind.group === resource.group && kind.kind === resource.kind)
  );
}

/**
 * A present scalar is located at its value; a mapping or list at its key (its value starts on the
 * next line); a missing field at the key of its nearest present parent.
 */
function toFinding(rule: PolicyRule, document: PolicyDocument, violation: RuleViolation): Finding {
  const { value } = document.document;
  const scalar =
    pathExists(value, violation.path) && !isJsonContainer(valueAtPath(value, violation.path));
  const part = violation.at ?? (scalar ? 'value' : 'key');
  return {
    file: document.file,
    ...document.document.locate(violation.path, part),
    resource: document.resource?.label ?? '-',
    field: formatFieldPath(violation.path),
    message: violation.message,
    severity: rule.severity,
    rule: rule.id,
  };
}

function isJsonContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
