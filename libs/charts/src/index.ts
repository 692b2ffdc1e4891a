export * from './karpenter/karpenter-values';
export * from './pin/chart-pin';
export * from './karpenter/karpenter-chart';
