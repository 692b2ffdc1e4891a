import { cidrSize, parseIpv4Cidr, type ClusterSpec, type SubnetSpec } from '@platform/config';
import { notifyFor, platformTeam, type MonitorDefinition } from '@platform/monitoring';

/**
 * A day without the metric: long enough for CloudWatch's and IPAM's own publication delays, short
 * enough that a missing prerequisite is found the day it goes missing.
 */
export const subnetUsageNoDataMinutes = 24 * 60;

/** Share of a subnet's addresses that must stay free: below it, warn; below the second, page. */
export const subnetFreeShare = { warning: 0.25, critical: 0.1 } as const;

/**
 * One monitor per node subnet of the inventory: the early warning before IP exhaustion (every pod
 * takes a VPC address). VPC IPAM publishes the used share of each subnet it monitors
 * (`SubnetIPUsage`, percent, namespace `AWS/IPAM`) to CloudWatch, and the Datadog AWS
 * integration collects it: a prerequisite the inventory states (`observability.subnetIpUsage`);
 * without it nothing is rendered. A metric that stops arriving (the prerequisite lapsed, or the
 * subnet left what IPAM publishes) alerts as no data instead of keeping the monitor silent.
 */
export function subnetFreeIps(cluster: ClusterSpec): MonitorDefinition[] {
  if (cluster.observability?.subnetIpUsage !== 'vpc-ipam') return [];
  return cluster.network.subnets
    .filter((subnet) => subnet.purpose === 'nodes')
    .map((subnet) => subnetMonitor(cluster, subnet));
}

function subnetMonitor(cluster: ClusterSpec, subnet: SubnetSpec): MonitorDefinition {
  const cidr = parseIpv4Cidr(subnet.cidr);
  if (typeof cidr === 'string')
    throw new Error(`cluster ${cluster.name}, subnet ${subnet.name}: cidr ${cidr}`);
  const size = cidrSize(cidr);
  const usedPercent = (freeShare: number) => Math.round((1 - freeShare) * 1000) / 10;
  const freeAt = (freeShare: number) => Math.floor(size * freeShare);
  return {
    name: `subnet-free-ips-${subnet.name}`,
    title: `Subnet ${subnet.name} (${subnet.cidr}) running out of IP addresses`,
    app: 'observability',
    component: 'monitors',
    team: platformTeam.name,
    priority: 2,
    runbook: 'subnet-free-ips',
    query: {
      reducer: 'max',
      window: '30m',
      expression: {
        metric: 'aws.ipam.subnet_ipusage',
        aggregation: 'max',
        scope: {
          aws_account: cluster.aws.accountId,
          region: cluster.aws.region,
          name: subnet.name,
        },
      },
      comparator: '>',
    },
    thresholds: {
      critical: usedPercent(subnetFreeShare.critical),
      warning: usedPercent(subnetFreeShare.warning),
    },
    summary: `Subnet ${subnet.name} (${subnet.cidr}, ${subnet.availabilityZone}, ${size} addresses) of cluster ${cluster.name} is {{value}}% used: fewer than ${freeAt(subnetFreeShare.warning)} addresses free warns, fewer than ${freeAt(subnetFreeShare.critical)} pages. New nodes and pods in this zone will fail to get an IP.`,
    // CloudWatch metrics reach Datadog about 10 minutes late.
    evaluationDelaySeconds: 900,
    noDataMinutes: subnetUsageNoDataMinutes,
    notify: notifyFor(2),
  };
}
