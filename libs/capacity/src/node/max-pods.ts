import type { PodNetworkingSpec } from '@platform/config';
import type { InstanceTypeSpec } from '../catalog/instance-type';

/** Addresses in one delegated /28 prefix. */
export const addressesPerPrefix = 16;

/**
 * Secondary-IP mode, as EKS computes it (eni-max-pods.txt): the first address of each ENI is
 * the ENI's own, and two host-network pods (aws-node, kube-proxy) need none.
 */
export function secondaryIpMaxPods(type: InstanceTypeSpec): number {
  return type.maxEnis * (type.ipv4PerEni - 1) + 2;
}

/**
 * Prefix delegation, as the EKS max-pods calculator computes it: every secondary slot holds a
 * /28, then the recommended ceiling of 110 pods (250 above 30 vCPU) applies.
 */
export function prefixDelegationMaxPods(type: InstanceTypeSpec): number {
  const addressable = type.maxEnis * (type.ipv4PerEni - 1) * addressesPerPrefix + 2;
  return Math.min(addressable, type.vcpu > 30 ? 250 : 110);
}

/** The most pods the network lets a node of this type run. */
export function networkMaxPods(type: InstanceTypeSpec, networking: PodNetworkingSpec): number {
  return networking.mode === 'prefix-delegation'
    ? prefixDelegationMaxPods(type)
    : secondaryIpMaxPods(type);
}

/**
 * The kubelet's max pods on a Karpenter node: the EC2NodeClass's `kubelet.maxPods` when set,
 * else the ENI-limited count (Karpenter does not infer prefix delegation), then `podsPerCore`.
 */
export function kubeletMaxPods(
  type: InstanceTypeSpec,
  kubelet: { maxPods?: number; podsPerCore?: number },
): number {
  const pods = kubelet.maxPods ?? secondaryIpMaxPods(type);
  return kubelet.podsPerCore ? Math.min(pods, kubelet.podsPerCore * type.vcpu) : pods;
}
