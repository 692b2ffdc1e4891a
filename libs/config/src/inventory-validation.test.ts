import { describe, expect, it } from 'vitest';
import { clusters } from './clusters';
import type { Inventory } from './inventory-types';
import { findInventoryIssues, InventoryError, validateInventory } from './inventory-validation';
import { repository } from './repository';

/** A deep copy of the real inventory, so each test breaks exactly one thing. */
function realInventory(): Inventory {
  return structuredClone({ repository, clusters });
}

function issuesAfter(mutate: (inv: Inventory) => void) {
  const inv = realInventory();
  mutate(inv);
  return findInventoryIssues(inv);
}

describe('the shipped inventory', () => {
  it('is valid', () => {
    expect(findInventoryIssues(realInventory())).toEqual([]);
  });
});

describe('a bad inventory fails naming the file and field', () => {
  it('rejects an invalid CIDR', () => {
    const issues = issuesAfter((inv) => {
      inv.clusters[1]!.network.subnets[0]!.cidr = '10.20.300.0/18';
    });
    expect(issues).toEqual([
      {
        file: 'libs/config/src/clusters/ci.ts',
        path: 'clusters[1](ci).network.subnets[0](ci-nodes-a).cidr',
        message: expect.stringContaining('invalid IPv4 address'),
      },
    ]);
  });

  it('rejects a Service CIDR that overlaps the VPC', () => {
    const issues = issuesAfter((inv) => {
      inv.clusters[1]!.network.serviceCidr = '10.20.128.0/20';
    });
    expect(issues).toEqual([
      {
        file: 'libs/config/src/clusters/ci.ts',
        path: 'clusters[1](ci).network.serviceCidr',
        message: '10.20.128.0/20 overlaps the VPC 10.20.0.0/16',
      },
    ]);
  });

  it('rejects overlapping subnets', () => {
    const issues = issuesAfter((inv) => {
      inv.clusters[1]!.network.subnets[1]!.cidr = '10.20.32.0/19';
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('clusters[1](ci).network.subnets[1](ci-nodes-b).cidr');
    expect(issues[0]!.message).toContain('overlaps subnet "ci-nodes-a"');
  });

  it('rejects a subnet outside its VPC and overlapping VPCs', () => {
    const outside = issuesAfter((inv) => {
      inv.clusters[0]!.network.subnets[0]!.cidr = '10.11.0.0/20';
    });
    expect(outside[0]!.message).toContain('outside the VPC 10.10.0.0/16');
    const vpcs = issuesAfter((inv) => {
      inv.clusters[1]!.network.vpcCidr = '10.10.128.0/17';
    });
    expect(vpcs.map((i) => i.message)).toContainEqual(
      expect.stringContaining('overlaps the VPC of cluster "mgmt"'),
    );
  });

  it('rejects admission validation actions the API server would refuse', () => {
    const issues = issuesAfter((inv) => {
      inv.clusters[1]!.admission = { protective: ['Deny', 'Warn', 'Warn'], advisory: [] };
    });
    expect(issues).toEqual([
      {
        file: 'libs/config/src/clusters/ci.ts',
        path: 'clusters[1](ci).admission.protective',
        message: '[Deny, Warn, Warn] repeats an action',
      },
      {
        file: 'libs/config/src/clusters/ci.ts',
        path: 'clusters[1](ci).admission.protective',
        message: 'Deny and Warn may not be used together (the API server rejects the binding)',
      },
      {
        file: 'libs/config/src/clusters/ci.ts',
        path: 'clusters[1](ci).admission.advisory',
        message: 'names no action; use Warn and Audit, or Deny and Audit',
      },
    ]);
  });

  it('throws an InventoryError listing every problem', () => {
    const inv = realInventory();
    inv.clusters[1]!.network.subnets[0]!.cidr = '10.99.0.0/18';
    inv.clusters[0]!.aws.accountId = '12';
    expect(() => validateInventory(inv)).toThrow(InventoryError);
    expect(() => validateInventory(inv)).toThrow(
      /2 problems[\s\S]*accountId[\s\S]*outside the VPC/,
    );
  });
});

describe('a third cluster is config only', () => {
  it('is accepted once it has its own file (components select clusters by role)', () => {
    const inv = realInventory();
    const staging = structuredClone(inv.clusters[1]!);
    staging.name = 'ci-staging';
    staging.network.vpcCidr = '10.254.0.0/16';
    staging.network.subnets = staging.network.subnets.map((s) => ({
      ...s,
      name: s.name.replace('ci-', 'ci-staging-'),
      cidr: s.cidr.replace('10.20.', '10.254.'),
    }));
    inv.clusters.push(staging);
    expect(findInventoryIssues(inv)).toEqual([]);
  });
});
