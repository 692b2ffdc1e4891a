import { objectOf, valueAtPath } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { nodePoolKind } from './karpenter-kinds';

export const karpenterNodepoolLimits: ResourceRule = {
  id: 'karpenter-nodepool-limits',
  severity: 'error',
  rationale:
    'Without limits a runaway workload (or a pipeline storm) makes Karpenter launch nodes until the subnets or the budget run out.',
  checks: 'Every NodePool sets `spec.limits.cpu` and `spec.limits.memory`.',
  fix: 'Set the limits from the capacity plan for the peak (for CI: concurrent jobs × job size, plus headroom), as strings (`cpu: "1000"`, `memory: 4000Gi`).',
  exemption: 'resource',
  input: 'resource',
  appliesTo: nodePoolKind,
  check(nodePool) {
    const limits = objectOf(valueAtPath(nodePool.object, ['spec', 'limits']));
    return (['cpu', 'memory'] as const)
      .filter((resource) => limits[resource] === undefined)
      .map((resource) => ({
        path: ['spec', 'limits', resource],
        message: `NodePool sets no ${resource} limit, so nothing caps how many nodes it launches`,
      }));
  },
};
