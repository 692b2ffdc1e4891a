import { karpenterChart } from '@platform/charts';
import {
  karpenterControllerRoleArn,
  karpenterInterruptionQueue,
  namespaces,
} from '@platform/config';
import { defineComponent, fromChart } from '@platform/core';
import { featureGateReasons, featureGateSettings } from './feature-gates';

/**
 * The Karpenter controller. It must never run on nodes it launches (it would scale away its own
 * node), so it keeps the chart's "no karpenter.sh/nodepool label" affinity and runs on the EKS
 * managed system node group, two replicas in different zones.
 */
export default defineComponent({
  description: 'The Karpenter controller and its CRDs, from the official chart.',
  clusters: 'workload',
  namespace: namespaces.karpenter,
  // Before everything that schedules pods: the node pools and every workload need its CRDs.
  syncWave: -10,
  // Karpenter's CRDs exceed the client-side apply annotation limit.
  serverSideApply: true,
  chart: fromChart(karpenterChart)({
    releaseName: 'karpenter',
    includeCrds: true,
    values: ({ cluster }) => ({
      serviceAccount: {
        annotations: { 'eks.amazonaws.com/role-arn': karpenterControllerRoleArn(cluster) },
      },
      replicas: 2,
      podDisruptionBudget: { name: 'karpenter', maxUnavailable: 1 },
      priorityClassName: 'system-cluster-critical',
      podAnnotations: featureGateReasons(),
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'DoesNotExist' }] },
            ],
          },
        },
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            // The chart fills in its own selector labels where a term has none.
            { topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
        },
      ],
      controller: {
        // Requests equal limits: the controller's memory grows with cluster size and must not be
        // evicted during a 100-node burst.
        resources: {
          requests: { cpu: '1', memory: '1Gi' },
          limits: { cpu: '1', memory: '1Gi' },
        },
      },
      logLevel: 'info',
      settings: {
        clusterName: cluster.eks.clusterName,
        clusterEndpoint: cluster.eks.endpoint,
        interruptionQueue: karpenterInterruptionQueue(cluster),
        featureGates: featureGateSettings(),
      },
    }),
  }),
});
