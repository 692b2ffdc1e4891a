import { policyExemptionAnnotation } from '@platform/manifests';
import type { ResourceRule } from '../rules/policy-rule';
import { policyRules } from '../rules/policy-rules';
import { podWorkloadKinds } from '../workload/pod-template';
import { namespaceExemptAtAdmission } from './admission-policies';

/** A typed exemption as components declare it (libs/core PolicyExemption). */
export interface WorkloadExemption {
  rule: string;
  kind: string;
  name: string;
  namespace?: string;
  reason: string;
}

/**
 * The exemption annotations a Namespace needs so that admission, which sees Pods, honours the
 * typed exemptions of the workloads in it: an exemption on a DaemonSet never reaches its pods
 * (they are created by a controller from the template, and a pod's own annotations are not an
 * exemption anyone but its creator grants). One annotation per rule that admission exempts by
 * namespace, its reason naming each workload and why.
 */
export function namespaceAdmissionExemptions(
  namespace: string,
  exemptions: readonly WorkloadExemption[],
  rules: readonly ResourceRule[] = admissionRules(),
): Record<string, string> {
  const workloadKinds = new Set(podWorkloadKinds.map((k) => k.kind));
  const reasons = new Map<string, string[]>();
  for (const exemption of exemptions) {
    if (exemption.namespace !== namespace || !workloadKinds.has(exemption.kind)) continue;
    const rule = rules.find((r) => r.id === exemption.rule);
    if (!rule || !namespaceExemptAtAdmission(rule)) continue;
    const key = policyExemptionAnnotation(rule.id);
    reasons.set(key, [
      ...(reasons.get(key) ?? []),
      `${exemption.kind} ${exemption.name}: ${exemption.reason}`,
    ]);
  }
  return Object.fromEntries(
    [...reasons.entries()].map(([key, list]) => [key, list.sort().join(' ')]),
  );
}

function admissionRules(): ResourceRule[] {
  return policyRules.filter(
    (rule): rule is ResourceRule => rule.input === 'resource' && rule.admission !== undefined,
  );
}
