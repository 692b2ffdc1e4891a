import { checkPolicy, formatPolicyFinding, formatPolicySummary } from '@platform/policy';
import type { CheckSection } from '../check-section';

export const policySection: CheckSection = ({ files }) => {
  const { findings, exemptions, counts } = checkPolicy(files);
  return {
    failed: counts.errors > 0,
    json: { findings, exemptions, summary: counts },
    lines: [...findings.map(formatPolicyFinding), formatPolicySummary(counts)],
  };
};
