import { inventory, namespaces } from '@platform/config';
import { counted, formatFinding } from '@platform/manifests';
import { checkNodeAgentTolerations, checkRunbooks } from '@platform/monitoring';
import { readRunbooks } from '../../workspace/read-runbooks';
import type { CheckSection } from '../check-section';

/** Every monitor links an existing runbook, every node agent tolerates every taint. */
export const monitoringSection: CheckSection = ({ root, files }) => {
  const findings = [
    ...checkRunbooks({
      repository: inventory.repository,
      renderedFiles: files,
      runbooks: readRunbooks(root),
    }),
    ...checkNodeAgentTolerations({
      renderedFiles: files,
      agentNamespace: namespaces.observability,
    }),
  ];
  return {
    failed: findings.length > 0,
    json: { findings },
    lines: [
      ...findings.map((f) => `${formatFinding(f)}  [${f.rule}]`),
      `monitoring: ${findings.length === 0 ? 'every monitor links an existing runbook; the node agents tolerate every NodePool taint' : counted(findings.length, 'error')}`,
    ],
  };
};
