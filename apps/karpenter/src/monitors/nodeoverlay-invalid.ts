import type { ClusterSpec } from '@platform/config';
import {
  customResourceMetric,
  nodeOverlayState,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/**
 * Karpenter refuses a NodeOverlay (condition ValidationSucceeded False: it conflicts with another
 * overlay of the same weight, or fails runtime validation) and schedules as if it did not exist:
 * Graviton first is off. An overlay that matches no instance type is valid to Karpenter; `gitops
 * capacity` fails on it before it is merged (see the runbook).
 */
export function karpenterNodeOverlayInvalid(cluster: ClusterSpec): MonitorDefinition {
  return {
    name: 'karpenter-nodeoverlay-invalid',
    title: 'NodeOverlay {{nodeoverlay.name}} not applied',
    app: 'karpenter',
    component: 'graviton-first',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'max',
      window: '15m',
      expression: {
        metric: customResourceMetric(nodeOverlayState, 'nodeoverlay_condition'),
        aggregation: 'min',
        scope: { kube_cluster_name: cluster.eks.clusterName, condition: 'validationsucceeded' },
        by: ['nodeoverlay'],
      },
      comparator: '<',
    },
    thresholds: { critical: 1 },
    summary: `NodeOverlay {{nodeoverlay.name}} on cluster ${cluster.name} has failed Karpenter's validation for 15 minutes (ValidationSucceeded False): Karpenter ignores it, so its price adjustment (Graviton first) does not apply.`,
    notify: notifyFor(3),
  };
}
