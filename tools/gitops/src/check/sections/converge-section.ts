import { convergeJson, formatConvergeSummary } from '@platform/converge';
import type { CheckSection } from '../check-section';
import { convergeWorkspace, noBootstrapMessage } from '../converge-input';

/** The replay of the bootstrap as Argo CD 3.5.1 syncs it, over the files check already parsed. */
export const convergeSection: CheckSection = ({ root, files }) => {
  const result = convergeWorkspace(root, files);
  if (!result)
    return {
      failed: false,
      json: { skipped: noBootstrapMessage },
      lines: [`converge: skipped, ${noBootstrapMessage}`],
    };
  return {
    failed: result.clusters.some((cluster) => !cluster.converged),
    json: convergeJson(result.clusters),
    lines: formatConvergeSummary(result),
  };
};
