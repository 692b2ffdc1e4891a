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

/** IAM role of External Secrets Operator (IRSA): reads the cluster's AWS Secrets Manager secrets. */
export function externalSecretsRoleArn(cluster: ClusterSpec): string {
  return iamRoleArn(cluster, 'external-secrets');
}
