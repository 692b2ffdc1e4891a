/**
 * An exemption from a policy rule is an annotation on the resource itself, whose value is the
 * reason: `policy.platform/exempt.<rule-id>: "<why>"`. An empty reason is an error.
 */
export const policyExemptionPrefix = 'policy.platform/exempt.';

export function policyExemptionAnnotation(ruleId: string): string {
  return `${policyExemptionPrefix}${ruleId}`;
}
