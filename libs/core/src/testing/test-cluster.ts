import type { ClusterSpec } from '@platform/config';

/**
 * A cluster for tests of the engine and the CLI, which must not depend on the real inventory: only
 * the fields the engine reads are meaningful; `octet` gives it a VPC of its own (10.<octet>/16).
 */
export function testCluster(name: string, role: ClusterSpec['role'], octet: number): ClusterSpec {
  return {
    name,
    role,
    aws: { accountId: '111122223333', region: 'eu-west-1' },
    eks: {
      clusterName: `test-${name}`,
      endpoint: `https://${name}.example.com`,
      certificateAuthorityData: 'Y2E=',
      kubernetesVersion: '1.33',
    },
    network: {
      vpcCidr: `10.${octet}.0.0/16`,
      serviceCidr: '172.20.0.0/16',
      subnets: [
        {
          name: `${name}-a`,
          availabilityZone: 'eu-west-1a',
          cidr: `10.${octet}.0.0/18`,
          purpose: 'nodes',
        },
      ],
    },
  };
}
