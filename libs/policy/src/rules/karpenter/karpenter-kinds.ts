import type { KindSelector } from '../policy-rule';

/** karpenter.sh/v1 NodePool; the rules read the v1 field layout (v1beta1 was removed in Karpenter 1.1). */
export const nodePoolKind: readonly KindSelector[] = [{ group: 'karpenter.sh', kind: 'NodePool' }];
export const ec2NodeClassKind: readonly KindSelector[] = [
  { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass' },
];
