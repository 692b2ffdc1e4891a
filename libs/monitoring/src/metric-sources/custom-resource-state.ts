import type { KubeStateCustomResource } from '@platform/charts';

/**
 * Custom resources whose status the Datadog cluster agent's kube-state-metrics core check
 * collects (chart value `datadog.kubeStateMetricsCore.collectCrMetrics`), and the Datadog names
 * its gauges get: `kubernetes_state_customresource.<metric>`, tags from the labels below
 * (Datadog lower-cases tag values: `condition:provisioning`). Monitors name metrics through
 * `customResourceMetric`, so a query can only name a gauge the check is configured to produce.
 */
export interface CustomResourceStateSource {
  name: string;
  config: KubeStateCustomResource;
}

const conditions = (metric: string, help: string) => ({
  name: metric,
  help,
  each: {
    type: 'Gauge' as const,
    gauge: {
      path: ['status', 'conditions'],
      labelsFromPath: { condition: ['type'], reason: ['reason'] },
      valueFrom: ['status'],
    },
  },
});

/** Karpenter 1.14.1's CapacityBuffers (autoscaling.x-k8s.io/v1beta1): conditions and asked replicas. */
export const capacityBufferState: CustomResourceStateSource = {
  name: 'capacitybuffers',
  config: {
    groupVersionKind: { group: 'autoscaling.x-k8s.io', version: 'v1beta1', kind: 'CapacityBuffer' },
    labelsFromPath: {
      capacitybuffer: ['metadata', 'name'],
      capacitybuffer_namespace: ['metadata', 'namespace'],
    },
    metrics: [
      conditions(
        'capacitybuffer_condition',
        'CapacityBuffer status conditions (ReadyForProvisioning, Provisioning): 1 True, 0 False',
      ),
      {
        name: 'capacitybuffer_spec_replicas',
        help: 'Buffer chunks the CapacityBuffer asks for (spec.replicas)',
        each: { type: 'Gauge', gauge: { path: ['spec', 'replicas'], nilIsZero: true } },
      },
    ],
  },
};

/** Karpenter 1.14.1's NodeOverlays (karpenter.sh/v1alpha1): the ValidationSucceeded and Ready conditions. */
export const nodeOverlayState: CustomResourceStateSource = {
  name: 'nodeoverlays',
  config: {
    groupVersionKind: { group: 'karpenter.sh', version: 'v1alpha1', kind: 'NodeOverlay' },
    labelsFromPath: { nodeoverlay: ['metadata', 'name'] },
    metrics: [
      conditions(
        'nodeoverlay_condition',
        'NodeOverlay status conditions (ValidationSucceeded, Ready): 1 True, 0 False',
      ),
    ],
  },
};

/** The Datadog name of a gauge a source configures; throws for one it does not. */
export function customResourceMetric(source: CustomResourceStateSource, metric: string): string {
  if (!source.config.metrics.some((m) => m.name === metric))
    throw new Error(`custom resource source ${source.name} does not collect ${metric}`);
  return `kubernetes_state_customresource.${metric}`;
}
