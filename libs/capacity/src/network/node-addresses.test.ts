import { describe, expect, it } from 'vitest';
import { findInstanceType } from '../catalog/instance-catalog';
import { nodeAddresses } from './node-addresses';
import { subnetCapacity } from './zone-demand';

const m6i4xlarge = findInstanceType('m6i.4xlarge')!;

describe('node addresses', () => {
  it('holds whole ENIs plus a warm one with secondary IPs (10 pods: 2 × 30 = 60)', () => {
    expect(nodeAddresses(m6i4xlarge, { mode: 'secondary-ips', warmEniTarget: 1 }, 10)).toEqual({
      enis: 2,
      prefixes: 0,
      addresses: 60,
    });
  });

  it('holds only pods plus the warm addresses with WARM_IP_TARGET', () => {
    const addresses = nodeAddresses(
      m6i4xlarge,
      { mode: 'secondary-ips', warmEniTarget: 0, warmIpTarget: 5 },
      10,
    );
    expect(addresses).toEqual({ enis: 1, prefixes: 0, addresses: 16 });
  });

  it('holds /28 prefixes plus the warm prefix and the ENI address with prefix delegation', () => {
    // 20 pods → 2 prefixes + 1 warm = 3 × 16 + 1 ENI address.
    expect(
      nodeAddresses(m6i4xlarge, { mode: 'prefix-delegation', warmPrefixTarget: 1 }, 20),
    ).toEqual({
      enis: 1,
      prefixes: 3,
      addresses: 49,
    });
  });

  it('keeps 5 addresses of every subnet for AWS and two /28s for the reserved ones', () => {
    const subnet = subnetCapacity({
      name: 's',
      availabilityZone: 'eu-west-1a',
      cidr: '10.0.0.0/26',
      purpose: 'nodes',
    });
    expect(subnet.freeAddresses).toBe(59);
    expect(subnet.freePrefixBlocks).toBe(2);
  });
});
