import type { ClusterSpec } from './inventory-types';

/**
 * Names of AWS resources that live outside this repo (created by the cluster's infrastructure
 * code) but that manifests reference. One naming scheme, derived from the cluster.
 */
export function iamRoleArn(cluster: ClusterSpec, roleName: string): string {
  return `arn:aws:iam::${cluster.aws.accountId}:role/${cluster.eks.clusterName}-${roleName}`;
}

export function karpenterControllerRoleArn(cluster: ClusterSpec): string {
  return iamRoleArn(cluster, 'karpenter-controller');
}

/** SQS queue receiving EC2 spot interruption and rebalance events for Karpenter. */
export function karpenterInterruptionQueue(cluster: ClusterSpec): string {
  return `${cluster.eks.clusterName}-karpenter-interruptions`;
}

/**
 * Which AWS identity Karpenter's nodes get. `shared`: every node whose jobs cannot leave their
 * containers. `privileged`: nodes of Docker-in-Docker jobs, whose jobs are root on the node; they
 * get a role and security group of their own, so an escape holds neither the other nodes' AWS
 * permissions nor their network reach (docs/security.md says what the infrastructure code must
 * give each).
 */
export type NodeIdentity = 'shared' | 'privileged';

const identitySuffix: Record<NodeIdentity, string> = { shared: '', privileged: '-privileged' };

/**
 * IAM role of the nodes Karpenter launches (EC2NodeClass `spec.role`; Karpenter creates the
 * instance profile for it). The infrastructure code creates the role and its EKS access entry.
 */
export function karpenterNodeRoleName(
  cluster: ClusterSpec,
  identity: NodeIdentity = 'shared',
): string {
  return `${cluster.eks.clusterName}-karpenter-node${identitySuffix[identity]}`;
}

/**
 * The tag the infrastructure code puts on the node security group of a cluster (one per node
 * identity), which the EC2NodeClasses select. The values differ, so no selector matches the
 * other identity's group. Subnets are selected by their `Name` tag (SubnetSpec.name).
 */
export function karpenterDiscoveryTag(
  cluster: ClusterSpec,
  identity: NodeIdentity = 'shared',
): Record<string, string> {
  return { 'karpenter.sh/discovery': `${cluster.eks.clusterName}${identitySuffix[identity]}` };
}

/**
 * Name of a secret in the cluster account's AWS Secrets Manager. Secret values never enter this
 * repository: ExternalSecrets copy them into the cluster at run time.
 */
export function awsSecretName(cluster: ClusterSpec, path: string): string {
  return `${cluster.eks.clusterName}/${path}`;
}

/** The ClusterSecretStore (External Secrets Operator) backed by AWS Secrets Manager through IRSA. */
export const clusterSecretStoreName = 'aws-secrets-manager';

/** IAM role of a GitLab runner manager (IRSA): S3 cache access, nothing else. One per runner. */
export function gitlabRunnerRoleArn(cluster: ClusterSpec, runner: string): string {
  return iamRoleArn(cluster, `gitlab-runner-${runner}`);
}

/** S3 bucket of the runners' shared build cache. */
export function gitlabRunnerCacheBucket(cluster: ClusterSpec): string {
  return `${cluster.eks.clusterName}-gitlab-runner-cache`;
}

/**
 * ECR repository (in the cluster's account and region) holding the multi-platform GitLab Runner
 * helper image (`GitlabRunnersSpec.multiArchHelperImage`); its tags are the runner versions.
 */
export function gitlabRunnerHelperRepository(cluster: ClusterSpec): string {
  const registry = `${cluster.aws.accountId}.dkr.ecr.${cluster.aws.region}.amazonaws.com`;
  return `${registry}/${cluster.eks.clusterName}/gitlab-runner-helper`;
}

/** IAM role of External Secrets Operator (IRSA): reads the cluster's AWS Secrets Manager secrets. */
export function externalSecretsRoleArn(cluster: ClusterSpec): string {
  return iamRoleArn(cluster, 'external-secrets');
}
