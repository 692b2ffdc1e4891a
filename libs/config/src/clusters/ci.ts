import type { ClusterSpec } from '../inventory-types';

/**
 * The EKS CI cluster: GitLab job pods on Karpenter nodes. Its node subnets are /18s because
 * every pod takes a VPC IP: 1,000+ job pods and ~100 nodes at peak must fit with headroom
 * (the original cluster was rebuilt after /24s ran dry).
 */
export const ci: ClusterSpec = {
  name: 'ci',
  role: 'workload',
  aws: { accountId: '123456789012', region: 'eu-west-1' },
  eks: {
    clusterName: 'platform-ci',
    endpoint: 'https://9E2B7C4D1A0F3E6B8C5D2A1F0E9B8C7D.gr7.eu-west-1.eks.amazonaws.com',
    certificateAuthorityData:
      'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCmNpLWNsdXN0ZXItY2EKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
    kubernetesVersion: '1.33',
  },
  // Job pods are created by the runners at run time and never pass through rendered/: the rules
  // that matter for them are enforced at admission. What protects the cluster (no host access,
  // no token in a job) is denied; the rest warns (docs/admission.md says how to move it to Deny).
  // gitops check evaluates every policy against every rendered pod as the API server would at Deny.
  admission: { protective: ['Deny', 'Audit'], advisory: ['Warn', 'Audit'] },
  network: {
    vpcCidr: '10.20.0.0/16',
    // EKS's choice for a VPC in 10.0.0.0/8, set when the cluster was created.
    serviceCidr: '172.20.0.0/16',
    subnets: [
      {
        name: 'ci-nodes-a',
        availabilityZone: 'eu-west-1a',
        cidr: '10.20.0.0/18',
        purpose: 'nodes',
      },
      {
        name: 'ci-nodes-b',
        availabilityZone: 'eu-west-1b',
        cidr: '10.20.64.0/18',
        purpose: 'nodes',
      },
      {
        name: 'ci-nodes-c',
        availabilityZone: 'eu-west-1c',
        cidr: '10.20.128.0/18',
        purpose: 'nodes',
      },
      {
        name: 'ci-public-a',
        availabilityZone: 'eu-west-1a',
        cidr: '10.20.192.0/24',
        purpose: 'public',
      },
      {
        name: 'ci-public-b',
        availabilityZone: 'eu-west-1b',
        cidr: '10.20.193.0/24',
        purpose: 'public',
      },
      {
        name: 'ci-public-c',
        availabilityZone: 'eu-west-1c',
        cidr: '10.20.194.0/24',
        purpose: 'public',
      },
    ],
  },
  // Prefix delegation: a node takes /28s, not one ENI's worth of addresses per few pods, so a
  // burst of ~100 nodes and 1,000+ pods stays far inside the /18s.
  podNetworking: { mode: 'prefix-delegation', warmPrefixTarget: 1 },
  // VPC IPAM monitors this VPC and Datadog collects AWS/IPAM: see ObservabilitySpec.subnetIpUsage.
  observability: {
    datadogSite: 'datadoghq.eu',
    logs: { type: 'datadog' },
    subnetIpUsage: 'vpc-ipam',
  },
  // The multi-platform runner helper image is in this account's ECR: see
  // GitlabRunnersSpec.multiArchHelperImage (apps/gitlab-runners/README.md builds it).
  gitlabRunners: { multiArchHelperImage: 'ecr' },
};
