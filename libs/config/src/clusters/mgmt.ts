import type { ClusterSpec } from '../inventory-types';

/** The management cluster: runs ArgoCD, which syncs every other cluster from rendered/. */
export const mgmt: ClusterSpec = {
  name: 'mgmt',
  role: 'management',
  aws: { accountId: '210987654321', region: 'eu-west-1' },
  eks: {
    clusterName: 'platform-mgmt',
    endpoint: 'https://4F1C9A0B7D2E6C3A5B8E1D0F9A7C6B5E.gr7.eu-west-1.eks.amazonaws.com',
    certificateAuthorityData:
      'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCm1nbXQtY2x1c3Rlci1jYQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==',
    kubernetesVersion: '1.33',
  },
  network: {
    vpcCidr: '10.10.0.0/16',
    serviceCidr: '172.20.0.0/16',
    subnets: [
      {
        name: 'mgmt-nodes-a',
        availabilityZone: 'eu-west-1a',
        cidr: '10.10.0.0/20',
        purpose: 'nodes',
      },
      {
        name: 'mgmt-nodes-b',
        availabilityZone: 'eu-west-1b',
        cidr: '10.10.16.0/20',
        purpose: 'nodes',
      },
      {
        name: 'mgmt-nodes-c',
        availabilityZone: 'eu-west-1c',
        cidr: '10.10.32.0/20',
        purpose: 'nodes',
      },
      {
        name: 'mgmt-public-a',
        availabilityZone: 'eu-west-1a',
        cidr: '10.10.240.0/24',
        purpose: 'public',
      },
      {
        name: 'mgmt-public-b',
        availabilityZone: 'eu-west-1b',
        cidr: '10.10.241.0/24',
        purpose: 'public',
      },
      {
        name: 'mgmt-public-c',
        availabilityZone: 'eu-west-1c',
        cidr: '10.10.242.0/24',
        purpose: 'public',
      },
    ],
  },
  // VPC IPAM monitors this VPC and Datadog collects AWS/IPAM: see ObservabilitySpec.subnetIpUsage.
  observability: {
    datadogSite: 'datadoghq.eu',
    logs: { type: 'datadog' },
    subnetIpUsage: 'vpc-ipam',
  },
};
