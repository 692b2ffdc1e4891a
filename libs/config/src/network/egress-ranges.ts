import type { ClusterSpec } from '../inventory-types';
import { cidrContains, formatIpv4, parseIpv4Cidr, type Ipv4Cidr } from './cidr';

/** An IPv4 range that is never "the internet", and why a CI job must not reach it. */
export interface ReservedRange {
  cidr: string;
  why: string;
}

/**
 * The IPv4 ranges a CI job's "internet" egress excepts, besides the cluster's own VPC and Service
 * CIDR: every private range (another VPC, the management cluster, a peered network, on-premises),
 * the shared address space and every link-local address (the instance metadata service, EKS Pod
 * Identity's agent, Amazon DNS and time sync live there).
 */
export const reservedIpv4Ranges: readonly ReservedRange[] = [
  { cidr: '10.0.0.0/8', why: 'RFC 1918 private: VPCs, the management cluster, peered networks' },
  { cidr: '172.16.0.0/12', why: 'RFC 1918 private' },
  { cidr: '192.168.0.0/16', why: 'RFC 1918 private' },
  {
    cidr: '100.64.0.0/10',
    why: 'RFC 6598 shared address space (carrier-grade NAT, VPC secondary CIDRs)',
  },
  {
    cidr: '169.254.0.0/16',
    why: 'RFC 3927 link-local: instance metadata 169.254.169.254, EKS Pod Identity 169.254.170.23, Amazon DNS 169.254.169.253, time sync 169.254.169.123',
  },
];

/**
 * The IPv6 ranges an IPv6 egress rule must except: EC2's IPv6 instance metadata and Pod Identity
 * (`fd00:ec2::/32`), unique local (`fc00::/7`, which holds it) and link-local (`fe80::/10`).
 * This platform's clusters are IPv4-only (no job egress rule names an IPv6 block).
 */
export const reservedIpv6Ranges: readonly ReservedRange[] = [
  {
    cidr: 'fc00::/7',
    why: 'unique local, including EC2 metadata and Pod Identity at fd00:ec2::/32',
  },
  { cidr: 'fe80::/10', why: 'link-local' },
];

/** Every IPv4 range a job must not reach on this cluster: the reserved ranges, its VPC, its Services. */
export function jobUnreachableIpv4Ranges(cluster: ClusterSpec): ReservedRange[] {
  return [
    ...reservedIpv4Ranges,
    {
      cidr: cluster.network.vpcCidr,
      why: `the ${cluster.name} VPC: every node, pod and the API endpoints`,
    },
    {
      cidr: cluster.network.serviceCidr,
      why: 'the Service CIDR: ClusterIPs, which the AWS network policy agent matches before DNAT',
    },
  ];
}

/**
 * The fewest blocks that cover every unreachable range of the cluster (a range inside another is
 * covered by it), in address order: what a job's `0.0.0.0/0` egress rule excepts.
 */
export function jobEgressExceptions(cluster: ClusterSpec): string[] {
  const blocks = jobUnreachableIpv4Ranges(cluster).map((range) => parsed(range.cidr));
  return blocks
    .filter(
      (block, i) =>
        !blocks.some(
          (other, j) =>
            j !== i &&
            cidrContains(other, block) &&
            (other.prefixLength < block.prefixLength || j < i),
        ),
    )
    .sort((a, b) => a.first - b.first)
    .map((block) => block.text);
}

/** The ClusterIP of the cluster DNS Service: EKS gives it the tenth address of the Service CIDR. */
export function clusterDnsAddress(cluster: ClusterSpec): string {
  return formatIpv4(parsed(cluster.network.serviceCidr).first + 10);
}

function parsed(cidr: string): Ipv4Cidr {
  const block = parseIpv4Cidr(cidr);
  if (typeof block === 'string') throw new Error(block);
  return block;
}
