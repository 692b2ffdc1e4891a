import { cidrSize, parseIpv4Cidr, type SubnetSpec } from '@platform/config';
import { addressesPerPrefix } from '../node/max-pods';
import { compareText } from '../ordering/compare-text';

/** AWS keeps the first four addresses and the last one of every subnet. */
export const awsReservedAddressesPerSubnet = 5;

export interface SubnetCapacity {
  name: string;
  zone: string;
  cidr: string;
  freeAddresses: number;
  /** Whole /28 blocks free of AWS's reserved addresses (prefix delegation needs whole blocks). */
  freePrefixBlocks: number;
}

export function subnetCapacity(subnet: SubnetSpec): SubnetCapacity {
  const parsed = parseIpv4Cidr(subnet.cidr);
  const size = typeof parsed === 'string' ? 0 : cidrSize(parsed);
  const blocks = Math.floor(size / addressesPerPrefix);
  return {
    name: subnet.name,
    zone: subnet.availabilityZone,
    cidr: subnet.cidr,
    freeAddresses: Math.max(0, size - awsReservedAddressesPerSubnet),
    // The reserved addresses sit in the first and the last /28.
    freePrefixBlocks: Math.max(0, blocks - Math.min(blocks, 2)),
  };
}

/** A consumer of subnet addresses that may put all of its demand in any of `zones`. */
export interface AddressDemand {
  /** `NodePool ci-jobs`, `runner managers` */
  consumer: string;
  zones: readonly string[];
  /** Addresses outside /28 prefixes: node ENIs, or pods in secondary-IP mode. */
  addresses: number;
  /** Delegated /28 prefixes. */
  prefixes: number;
}

export interface ZoneDemand {
  zone: string;
  subnets: SubnetCapacity[];
  freeAddresses: number;
  freePrefixBlocks: number;
  neededAddresses: number;
  /** Whole /28 blocks: the prefixes plus the other addresses packed into blocks. */
  neededPrefixBlocks: number;
  consumers: string[];
}

/**
 * The worst zone skew: nothing spreads CI nodes across zones (job pods have no topology
 * constraints and Karpenter launches the cheapest offering), so every consumer that may use a
 * zone is assumed to put its whole peak there. Several subnets of one zone add up (Karpenter
 * picks the one with the most free addresses). Other addresses are assumed packed into
 * blocks, which holds when the subnets reserve a CIDR range for prefixes.
 */
export function zoneDemands(
  subnets: readonly SubnetCapacity[],
  demands: readonly AddressDemand[],
): ZoneDemand[] {
  const zones = [...new Set(subnets.map((s) => s.zone))].sort(compareText);
  return zones.map((zone) => {
    const inZone = subnets.filter((s) => s.zone === zone);
    const here = demands.filter((d) => d.zones.includes(zone));
    const prefixes = here.reduce((sum, d) => sum + d.prefixes, 0);
    const addresses = here.reduce((sum, d) => sum + d.addresses, 0);
    return {
      zone,
      subnets: inZone,
      freeAddresses: inZone.reduce((sum, s) => sum + s.freeAddresses, 0),
      freePrefixBlocks: inZone.reduce((sum, s) => sum + s.freePrefixBlocks, 0),
      neededAddresses: prefixes * addressesPerPrefix + addresses,
      neededPrefixBlocks: prefixes > 0 ? prefixes + Math.ceil(addresses / addressesPerPrefix) : 0,
      consumers: here.map((d) => d.consumer),
    };
  });
}
