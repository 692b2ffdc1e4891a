import { arrayOf, valueAtPath } from '../../document/json-value';
import type { ResourceRule } from '../policy-rule';
import { nodePoolKind } from './karpenter-kinds';

export const karpenterNodepoolDisruptionBudgets: ResourceRule = {
  id: 'karpenter-nodepool-disruption-budgets',
  severity: 'warning',
  rationale:
    'The implicit budget (10% of nodes at any time) lets consolidation and drift replace nodes in the middle of the working day.',
  checks: 'Every NodePool sets `spec.disruption.budgets` to a non-empty list.',
  fix: 'Set budgets explicitly, for example a generous one for `Empty` nodes and one that limits or stops `Underutilized` and `Drifted` during working hours (`schedule` + `duration`).',
  exemption: 'resource',
  input: 'resource',
  appliesTo: nodePoolKind,
  check(nodePool) {
    const path = ['spec', 'disruption', 'budgets'];
    if (arrayOf(valueAtPath(nodePool.object, path)).length > 0) return [];
    return [
      {
        path,
        message: 'NodePool sets no disruption budgets, so the implicit 10% applies at all hours',
      },
    ];
  },
};
