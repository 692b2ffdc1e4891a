import { capacityFailed, formatCapacitySummary, planRenderedCapacity } from '@platform/capacity';
import type { CheckSection } from '../check-section';

export const capacitySection: CheckSection = ({ files }) => {
  const plans = planRenderedCapacity(files);
  return {
    failed: capacityFailed(plans),
    json: plans.map((plan) => ({ cluster: plan.cluster, findings: plan.findings })),
    lines: formatCapacitySummary(plans),
  };
};
