import type { ClusterSpec } from '@platform/config';
import {
  capacityBufferState,
  customResourceMetric,
  notifyFor,
  platformTeam,
  type MonitorDefinition,
} from '@platform/monitoring';

/**
 * A CapacityBuffer that asks for chunks has not had them provisioned for half an hour: Karpenter
 * keeps its `Provisioning` condition False while any virtual pod needs new capacity or cannot be
 * placed (NodePool limits, subnets, launch errors, a missing PodTemplate), so the warm headroom
 * the pipelines rely on is not there. Buffers at zero (outside working hours) never alert:
 * `replicas − replicas × Provisioning` is positive only for a buffer that asks and is not served.
 */
export function karpenterCapacityBufferUnsatisfied(cluster: ClusterSpec): MonitorDefinition {
  const scope = { kube_cluster_name: cluster.eks.clusterName };
  const by = ['capacitybuffer_namespace', 'capacitybuffer'];
  const replicas = {
    metric: customResourceMetric(capacityBufferState, 'capacitybuffer_spec_replicas'),
    aggregation: 'max' as const,
    scope,
    by,
  };
  const provisioning = {
    metric: customResourceMetric(capacityBufferState, 'capacitybuffer_condition'),
    aggregation: 'max' as const,
    scope: { ...scope, condition: 'provisioning' },
    by,
  };
  return {
    name: 'karpenter-capacitybuffer-unsatisfied',
    title: 'Warm headroom {{capacitybuffer.name}} not provisioned',
    app: 'karpenter',
    component: 'warm-capacity',
    team: platformTeam.name,
    priority: 3,
    query: {
      reducer: 'min',
      window: '30m',
      expression: {
        operator: '-',
        left: replicas,
        right: { operator: '*', left: replicas, right: provisioning },
      },
      comparator: '>',
    },
    thresholds: { critical: 0 },
    summary: `CapacityBuffer {{capacitybuffer_namespace.name}}/{{capacitybuffer.name}} on cluster ${cluster.name} has asked for chunks for 30 minutes without Karpenter provisioning them (condition Provisioning False): pipelines that start now wait for node launches.`,
    notify: notifyFor(3),
  };
}
