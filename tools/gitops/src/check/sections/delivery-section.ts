import { counted, formatFinding } from '@platform/manifests';
import { deliveryFindings } from '../delivery-check';
import type { CheckSection } from '../check-section';

export const deliverySection: CheckSection = ({ files }) => {
  const findings = deliveryFindings(files);
  return {
    failed: findings.length > 0,
    json: { findings },
    lines: [
      ...findings.map((f) => `${formatFinding(f)}  [${f.rule}]`),
      `delivery: ${findings.length === 0 ? 'every object fits the Application, AppProject and namespaces ArgoCD will apply it with' : counted(findings.length, 'error')}`,
    ],
  };
};
