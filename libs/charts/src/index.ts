export * from './karpenter/karpenter-values';
