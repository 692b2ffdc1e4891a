export * from './external-secrets/external-secrets-chart';
export * from './external-secrets/external-secrets-values';
export * from './gitlab-runner/gitlab-runner-chart';
export * from './gitlab-runner/gitlab-runner-values';
export * from './karpenter/karpenter-values';
export * from './pin/chart-pin';
export * from './upstream-keys/documented-key-paths';
export * from './karpenter/karpenter-chart';
