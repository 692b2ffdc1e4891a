import { formatFinding } from '@platform/manifests';
import { formatValidationSummary, validateFiles } from '@platform/validate';
import type { CheckSection } from '../check-section';

export const validateSection: CheckSection = ({ files }) => {
  const { findings, summary } = validateFiles(files);
  return {
    failed: summary.errors > 0,
    json: { findings, summary },
    lines: [...findings.map(formatFinding), formatValidationSummary(summary)],
  };
};
