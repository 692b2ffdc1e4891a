import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { KarpenterFeatureGate } from './karpenter-feature-gates';

/**
 * Values of the `karpenter` Helm chart, written against chart version 1.14.1
 * (charts/karpenter/values.yaml in aws/karpenter-provider-aws at release-v1.14.1).
 * Closed: a key that is not here fails `gitops validate` instead of being ignored by Helm.
 * Only keys this platform sets or may plausibly set are declared; add more from upstream as needed.
 */
export const karpenterValuesWrittenAgainst = '1.14.1';

export interface KarpenterValues {
  additionalLabels?: Record<string, string>;
  additionalAnnotations?: Record<string, string>;
  serviceAccount?: {
    create?: boolean;
    name?: string;
    /** IRSA: `eks.amazonaws.com/role-arn`. */
    annotations?: Record<string, string>;
  };
  serviceMonitor?: { enabled?: boolean; additionalLabels?: Record<string, string> };
  replicas?: number;
  revisionHistoryLimit?: number;
  podLabels?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  podDisruptionBudget?: { name?: string; maxUnavailable?: number | string };
  priorityClassName?: string;
  dnsPolicy?: 'ClusterFirst' | 'Default' | 'ClusterFirstWithHostNet' | 'None';
  nodeSelector?: Record<string, string>;
  affinity?: IAffinity;
  topologySpreadConstraints?: ITopologySpreadConstraint[];
  tolerations?: IToleration[];
  controller?: {
    resources?: IResourceRequirements;
    env?: { name: string; value: string }[];
    metrics?: { port?: number };
    healthProbe?: { port?: number };
  };
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  settings?: {
    batchMaxDuration?: string;
    batchIdleDuration?: string;
    clusterName?: string;
    clusterEndpoint?: string;
    isolatedVPC?: boolean;
    vmMemoryOverheadPercent?: number;
    /** SQS queue for spot interruption and rebalance events; empty disables handling. */
    interruptionQueue?: string;
    reservedENIs?: string;
    /** Every gate of the chart (karpenter-feature-gates.ts: maturity, default). */
    featureGates?: { [Gate in KarpenterFeatureGate]?: boolean };
  };
}
