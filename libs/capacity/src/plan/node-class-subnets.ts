import type { ClusterSpec, SubnetSpec } from '@platform/config';
import type { NodeClassSettings } from '../node/node-class-settings';
import type { CapacityFinding } from './capacity-finding';

/**
 * The inventory subnets an EC2NodeClass selects. The inventory records each subnet's `Name`
 * tag, so terms select by it; a term by id or by other tags cannot be sized and is a finding.
 */
export function nodeClassSubnets(
  nodeClass: NodeClassSettings,
  cluster: ClusterSpec,
  findings: CapacityFinding[],
): SubnetSpec[] {
  const selected = new Set<SubnetSpec>();
  nodeClass.subnetSelectorTerms.forEach((term, index) => {
    const tags = Object.entries(term.tags ?? {});
    const unknown = tags.filter(([key]) => key !== 'Name').map(([key]) => key);
    if (term.id !== undefined || unknown.length > 0 || tags.length === 0) {
      findings.push({
        severity: 'error',
        subject: `EC2NodeClass ${nodeClass.name}`,
        file: nodeClass.file,
        message: `spec.subnetSelectorTerms[${index}] selects subnets by ${term.id !== undefined ? 'id' : `tags the inventory does not record (${unknown.join(', ') || 'none'})`}; select them by their Name tag so the planner can size them`,
      });
      return;
    }
    const name = term.tags?.Name;
    const matching = cluster.network.subnets.filter((subnet) => subnet.name === name);
    if (matching.length === 0) {
      findings.push({
        severity: 'error',
        subject: `EC2NodeClass ${nodeClass.name}`,
        file: nodeClass.file,
        message: `spec.subnetSelectorTerms[${index}] selects subnet "${name}", which cluster ${cluster.name} does not have`,
      });
    }
    matching.forEach((subnet) => selected.add(subnet));
  });
  return [...selected];
}
