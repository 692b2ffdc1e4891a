/**
 * A NodePool's `spec.disruption` (karpenter.sh/v1, Karpenter 1.14), typed so that a budget can only
 * name reasons its consolidation policy produces: `Underutilized` exists under
 * `WhenEmptyOrUnderutilized` and `Balanced` (which scores the same consolidations); under
 * `WhenEmpty` Karpenter never consolidates a node that still runs pods, so a budget for it would
 * be a rule that never applies. (The CRD's own type, a list
 * of any of the three reasons, cannot say that.) Self-contained: a test compiles against it.
 */
export type ConsolidationPolicy = 'WhenEmpty' | 'WhenEmptyOrUnderutilized' | 'Balanced';

export type DisruptionReason<P extends ConsolidationPolicy> =
  | 'Empty'
  | 'Drifted'
  | (P extends 'WhenEmpty' ? never : 'Underutilized');

export interface DisruptionBudget<P extends ConsolidationPolicy> {
  /** A count or a percentage of the pool's nodes. */
  nodes: string;
  /** Absent: the budget applies to every reason. */
  reasons?: DisruptionReason<P>[];
  /** Cron schedule the budget is active from, for `duration`. */
  schedule?: string;
  duration?: string;
}

export interface NodePoolDisruption<P extends ConsolidationPolicy> {
  consolidationPolicy: P;
  consolidateAfter: string;
  budgets: DisruptionBudget<NoInfer<P>>[];
}

/** The disruption block, its budgets checked against the policy it names. */
export function nodePoolDisruption<P extends ConsolidationPolicy>(
  disruption: NodePoolDisruption<P>,
): NodePoolDisruption<P> {
  return disruption;
}
