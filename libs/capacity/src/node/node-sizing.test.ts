import { describe, expect, it } from 'vitest';
import { findInstanceType } from '../catalog/instance-catalog';
import type { InstanceTypeSpec } from '../catalog/instance-type';
import {
  kubeReservedCpuMillis,
  kubeReservedMemoryMiB,
  nodeMemoryCapacityMiB,
} from './kubelet-reservations';
import { kubeletMaxPods, prefixDelegationMaxPods, secondaryIpMaxPods } from './max-pods';
import { nodeAllocatable } from './node-allocatable';
import { al2023NodeClass } from '../testing/plan-fixture';

const type = (name: string): InstanceTypeSpec => {
  const found = findInstanceType(name);
  if (!found) throw new Error(`${name} is not in the catalog`);
  return found;
};

describe('max pods', () => {
  it('gives m6i.large (3 ENIs × 10 IPv4) 29 pods with secondary IPs: 3 × 9 + 2', () => {
    expect(type('m6i.large')).toMatchObject({ maxEnis: 3, ipv4PerEni: 10 });
    expect(secondaryIpMaxPods(type('m6i.large'))).toBe(29);
  });

  it('caps prefix delegation at 110 pods up to 30 vCPU and 250 above, as EKS does', () => {
    // 3 × 9 slots × 16 addresses + 2 = 434 addressable, capped.
    expect(prefixDelegationMaxPods(type('m6i.large'))).toBe(110);
    expect(prefixDelegationMaxPods(type('c6i.4xlarge'))).toBe(110);
    expect(prefixDelegationMaxPods(type('c6i.8xlarge'))).toBe(250);
  });

  it('takes the EC2NodeClass maxPods over the ENI limit, and podsPerCore below both', () => {
    expect(kubeletMaxPods(type('m6i.large'), {})).toBe(29);
    expect(kubeletMaxPods(type('m6i.large'), { maxPods: 110 })).toBe(110);
    expect(kubeletMaxPods(type('m6i.large'), { maxPods: 110, podsPerCore: 10 })).toBe(20);
  });
});

describe('kubelet reservations', () => {
  it('reserves 255Mi + 11Mi per pod: 574Mi for m6i.large at 29 pods, 1465Mi at 110', () => {
    expect(kubeReservedMemoryMiB(29)).toBe(574);
    expect(kubeReservedMemoryMiB(110)).toBe(1465);
  });

  it('reserves CPU by the EKS ladder (6%, 1%, 0.5%, 0.25% per core)', () => {
    expect(kubeReservedCpuMillis(2)).toBe(70);
    expect(kubeReservedCpuMillis(8)).toBe(90);
    expect(kubeReservedCpuMillis(16)).toBe(110);
    expect(kubeReservedCpuMillis(32)).toBe(150);
  });

  it('subtracts the VM overhead (7.5%, rounded up) and 64Mi on Graviton', () => {
    expect(nodeMemoryCapacityMiB(8192, 'amd64', 0.075)).toBe(7577);
    // Karpenter's own test: (8192 − 64) MiB less 7.5% is 7883194368 bytes = 7518 MiB.
    expect(nodeMemoryCapacityMiB(8192, 'arm64', 0.075)).toBe(7518);
  });
});

describe('allocatable', () => {
  const secondaryIps = { mode: 'secondary-ips', warmEniTarget: 1 } as const;

  it('leaves an 8-vCPU node 7910m of CPU', () => {
    const node = nodeAllocatable(type('m6i.2xlarge'), secondaryIps, al2023NodeClass(), 0.075);
    expect(node.allocatable.cpuMillis).toBe(7910);
  });

  it('matches Karpenter for m6i.large: 8192 − 615 − 574 − 100 = 6903Mi', () => {
    const node = nodeAllocatable(type('m6i.large'), secondaryIps, al2023NodeClass(), 0.075);
    expect(node.allocatable.memoryMiB).toBe(6903);
    expect(node.pods).toBe(29);
  });

  it('reserves for the ENI-limited count on AL2023 unless kubeReserved.memory says otherwise', () => {
    const prefixes = { mode: 'prefix-delegation', warmPrefixTarget: 1 } as const;
    const implicit = nodeAllocatable(
      type('m6i.large'),
      prefixes,
      al2023NodeClass({ maxPods: 110 }),
      0.075,
    );
    expect(implicit.kubeReserved.memoryMiB).toBe(574);
    expect(implicit.pods).toBe(110);
    const explicit = nodeAllocatable(
      type('m6i.large'),
      prefixes,
      al2023NodeClass({ maxPods: 110, kubeReservedMemoryMiB: 1465 }),
      0.075,
    );
    expect(explicit.allocatable.memoryMiB).toBe(7577 - 1465 - 100);
  });

  it('counts only the pods the network can address when maxPods is above it', () => {
    const node = nodeAllocatable(
      type('m6i.large'),
      secondaryIps,
      al2023NodeClass({ maxPods: 110 }),
      0.075,
    );
    expect(node.kubeletMaxPods).toBe(110);
    expect(node.pods).toBe(29);
  });
});
