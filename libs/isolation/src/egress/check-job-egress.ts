import {
  cidrContains,
  cidrsOverlap,
  clusterDnsAddress,
  inventory as shippedInventory,
  jobUnreachableIpv4Ranges,
  parseIpv4Cidr,
  type Inventory,
  type Ipv4Cidr,
} from '@platform/config';
import type { Finding } from '@platform/manifests';
import { byCluster, findingAt, type RenderedObject } from '../rendered/rendered-objects';
import { runnerJobs } from '../runners/runner-jobs';

export const jobEgressRule = 'job-egress';

interface IpBlock {
  cidr: string;
  except?: string[];
}

/**
 * Every egress `ipBlock` of a NetworkPolicy in a CI job namespace reaches only the internet: each
 * range a job must not reach (private, shared, link-local, the cluster's VPC and Service CIDR from
 * the inventory) is either outside the block or inside one of its exceptions. The one hole is the
 * cluster DNS Service's address on port 53. An IPv6 block must except the IPv6 reserved ranges.
 */
export function checkJobEgress(
  objects: readonly RenderedObject[],
  inventory: Inventory = shippedInventory,
): Finding[] {
  const findings: Finding[] = [];
  for (const [clusterName, cluster] of byCluster(objects)) {
    const spec = inventory.clusters.find((c) => c.name === clusterName);
    if (!spec) continue;
    const jobNamespaces = new Set(runnerJobs(cluster).map((runner) => runner.namespace));
    const unreachable = jobUnreachableIpv4Ranges(spec);
    const dnsHole = `${clusterDnsAddress(spec)}/32`;
    for (const policy of cluster) {
      if (policy.kind !== 'NetworkPolicy' || !jobNamespaces.has(policy.namespace ?? '')) continue;
      ((policy.value.spec?.egress ?? []) as Record<string, any>[]).forEach((rule, r) =>
        ((rule.to ?? []) as Record<string, any>[]).forEach((peer, p) => {
          if (!peer.ipBlock) return;
          const block = peer.ipBlock as IpBlock;
          const path = ['spec', 'egress', r, 'to', p, 'ipBlock'];
          if (block.cidr === dnsHole && onlyDnsPorts(rule.ports)) return;
          for (const message of blockProblems(block, unreachable))
            findings.push(findingAt(policy, path, jobEgressRule, message));
        }),
      );
    }
  }
  return findings;
}

function onlyDnsPorts(ports: unknown): boolean {
  const list = (ports ?? []) as { port?: unknown }[];
  return list.length > 0 && list.every((port) => port.port === 53);
}

function blockProblems(
  block: IpBlock,
  unreachable: readonly { cidr: string; why: string }[],
): string[] {
  if (block.cidr.includes(':')) {
    const missing = ['fc00::/7', 'fe80::/10'].filter(
      (range) => !(block.except ?? []).includes(range),
    );
    return missing.length === 0
      ? []
      : [
          `allows ${block.cidr} without excepting ${missing.join(', ')} (EC2 metadata and Pod Identity at fd00:ec2::/32, link-local)`,
        ];
  }
  const cidr = parsed(block.cidr);
  const excepts = (block.except ?? []).map(parsed);
  return unreachable.flatMap((range) => {
    const reserved = parsed(range.cidr);
    if (!cidrsOverlap(cidr, reserved) || excepts.some((e) => cidrContains(e, reserved))) return [];
    return [`allows ${block.cidr}, which reaches ${range.cidr} (${range.why}): except it`];
  });
}

function parsed(text: string): Ipv4Cidr {
  const block = parseIpv4Cidr(text);
  if (typeof block === 'string') throw new Error(block);
  return block;
}
