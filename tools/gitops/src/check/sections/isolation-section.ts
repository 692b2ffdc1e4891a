import {
  checkIsolation,
  formatReachSummary,
  reachSummaries,
  renderedObjects,
} from '@platform/isolation';
import type { CheckSection } from '../check-section';
import { findingsOutcome } from '../findings-outcome';

/**
 * What a privileged job that escapes to its node would hold there, the reach of the secret store
 * and of job egress, and admission as the API server applies it at Deny.
 */
export const isolationSection: CheckSection = ({ files }) => {
  const pools = reachSummaries(renderedObjects(files));
  return findingsOutcome(
    'isolation',
    checkIsolation(files),
    'a privileged node holds its own job and what its agents need, nothing more; the secret store serves only the namespaces that use it; CI jobs reach only the internet; admission denies what protects, in every runner’s job namespace, and admits every rendered pod at Deny; each AppProject allows exactly what its Applications deploy, Argo CD signs in only through SSO',
    {
      json: { pools },
      lines: pools.map((pool) => `isolation: ${formatReachSummary(pool)}`),
    },
  );
};
