import { describe, expect, it } from 'vitest';
import { ci } from '../clusters/ci';
import type { ClusterSpec } from '../inventory-types';
import { clusterDnsAddress, jobEgressExceptions } from './egress-ranges';

const withNetwork = (vpcCidr: string, serviceCidr: string): ClusterSpec => ({
  ...ci,
  network: { ...ci.network, vpcCidr, serviceCidr },
});

describe('the ranges a job egress rule excepts', () => {
  it('folds the VPC and the Service CIDR into the private ranges that hold them', () => {
    expect(jobEgressExceptions(withNetwork('10.20.0.0/16', '172.20.0.0/16'))).toEqual([
      '10.0.0.0/8',
      '100.64.0.0/10',
      '169.254.0.0/16',
      '172.16.0.0/12',
      '192.168.0.0/16',
    ]);
  });

  it('keeps a VPC or Service CIDR that no private range holds', () => {
    const exceptions = jobEgressExceptions(withNetwork('198.18.0.0/16', '198.19.0.0/16'));
    expect(exceptions).toContain('198.18.0.0/16');
    expect(exceptions).toContain('198.19.0.0/16');
    expect(exceptions).toHaveLength(7);
  });

  it('puts the cluster DNS at the tenth address of the Service CIDR', () => {
    expect(clusterDnsAddress(withNetwork('10.20.0.0/16', '10.100.0.0/16'))).toBe('10.100.0.10');
  });
});
