export * from './karpenter/karpenter-values';
export * from './pin/chart-pin';
