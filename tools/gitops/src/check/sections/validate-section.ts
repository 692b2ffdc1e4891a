import { formatFinding } from '@platform/manifests';
import { formatValidationSummary, validate } from '@platform/validate';
import type { CheckSection } from '../check-section';

export const validateSection: CheckSection = async ({ files }) => {
  const { findings, summary } = await validate(files, { engine: 'embedded' });
  return {
    failed: summary.errors > 0,
    json: { findings, summary },
    lines: [...findings.map(formatFinding), formatValidationSummary(summary)],
  };
};
