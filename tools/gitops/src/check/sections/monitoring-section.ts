import { inventory, namespaces } from '@platform/config';
import { checkNodeAgentTolerations, checkRunbooks } from '@platform/monitoring';
import { readRunbooks } from '../../workspace/read-runbooks';
import type { CheckSection } from '../check-section';
import { findingsOutcome } from '../findings-outcome';

/** Every monitor links an existing runbook, every node agent tolerates every taint. */
export const monitoringSection: CheckSection = ({ root, files }) =>
  findingsOutcome(
    'monitoring',
    [
      ...checkRunbooks({
        repository: inventory.repository,
        renderedFiles: files,
        runbooks: readRunbooks(root),
      }),
      ...checkNodeAgentTolerations({
        renderedFiles: files,
        agentNamespace: namespaces.observability,
      }),
    ],
    'every monitor links an existing runbook; the node agents tolerate every NodePool taint',
  );
