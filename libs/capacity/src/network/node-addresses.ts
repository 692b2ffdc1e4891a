import type { PodNetworkingSpec } from '@platform/config';
import type { InstanceTypeSpec } from '../catalog/instance-type';
import { addressesPerPrefix } from '../node/max-pods';

/** Subnet addresses one node holds, and how many of them come as whole /28 prefixes. */
export interface NodeAddresses {
  enis: number;
  /** Delegated /28 prefixes (prefix delegation only). */
  prefixes: number;
  addresses: number;
}

/**
 * What the VPC CNI allocates on a node whose pods need `podAddresses` addresses.
 * Secondary IPs with WARM_ENI_TARGET: every attached ENI is filled, plus the warm ENIs
 * (AWS's example: m5.8xlarge with 10 pods holds 2 ENIs × 30 = 60 addresses).
 * With WARM_IP_TARGET: the pods' addresses plus the warm ones, and each ENI's own address.
 * Prefix delegation: the pods' /28s plus WARM_PREFIX_TARGET spare ones, and each ENI's address.
 */
export function nodeAddresses(
  type: InstanceTypeSpec,
  networking: PodNetworkingSpec,
  podAddresses: number,
): NodeAddresses {
  const slotsPerEni = type.ipv4PerEni - 1;
  if (networking.mode === 'prefix-delegation') {
    const wanted = Math.ceil(podAddresses / addressesPerPrefix) + networking.warmPrefixTarget;
    const prefixes = Math.min(wanted, type.maxEnis * slotsPerEni);
    const enis = Math.max(1, Math.ceil(prefixes / slotsPerEni));
    return { enis, prefixes, addresses: prefixes * addressesPerPrefix + enis };
  }
  if (networking.warmIpTarget !== undefined) {
    const secondary = Math.min(podAddresses + networking.warmIpTarget, type.maxEnis * slotsPerEni);
    const enis = Math.max(1, Math.ceil(secondary / slotsPerEni));
    return { enis, prefixes: 0, addresses: enis + secondary };
  }
  const enis = Math.min(
    type.maxEnis,
    Math.max(1, Math.ceil(podAddresses / slotsPerEni) + networking.warmEniTarget),
  );
  return { enis, prefixes: 0, addresses: enis * type.ipv4PerEni };
}
