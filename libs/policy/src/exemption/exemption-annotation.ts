import { policyExemptionPrefix, type FieldPath } from '@platform/manifests';
import type { KubernetesResource } from '../document/policy-document';

/** One `policy.platform/exempt.<rule-id>` annotation as written, valid or not. */
export interface ExemptionAnnotation {
  ruleId: string;
  /** The trimmed value; `''` when missing, blank or not a string. */
  reason: string;
  path: FieldPath;
}

/** Every exemption annotation on a resource's own metadata, in document order. */
export function exemptionAnnotations(resource: KubernetesResource): ExemptionAnnotation[] {
  return Object.entries(resource.annotations)
    .filter(([key]) => key.startsWith(policyExemptionPrefix))
    .map(([key, value]) => ({
      ruleId: key.slice(policyExemptionPrefix.length),
      reason: typeof value === 'string' ? value.trim() : '',
      path: ['metadata', 'annotations', key],
    }));
}
