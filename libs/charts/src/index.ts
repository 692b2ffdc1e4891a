export * from './karpenter/karpenter-values';
export * from './pin/chart-pin';
export * from './karpenter/karpenter-chart';
export * from './datadog/datadog-values';
export * from './fluent-bit/fluent-bit-values';
