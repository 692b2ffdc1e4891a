import type { IDaemonSetUpdateStrategy } from 'kubernetes-models/apps/v1/DaemonSetUpdateStrategy';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { chartPin } from '../pin/chart-pin';

/**
 * Values of the `fluent-bit` Helm chart, written against chart version 0.58.1 (Fluent Bit 5.1.1;
 * charts/fluent-bit/values.yaml in fluent/helm-charts at tag fluent-bit-0.58.1).
 * Closed: a key that is not here fails `gitops validate` instead of being ignored by Helm.
 * Only keys this platform sets or may plausibly set are declared; add more from upstream as needed.
 */
export const fluentBitValuesWrittenAgainst = '0.58.1';

export const fluentBitChart = chartPin<FluentBitValues>({
  chart: 'fluent-bit',
  // renovate: datasource=helm depName=fluent-bit registryUrl=https://fluent.github.io/helm-charts
  version: '0.58.1',
  repository: 'https://fluent.github.io/helm-charts',
});

export interface FluentBitValues {
  kind?: 'DaemonSet' | 'Deployment';
  image?: { repository?: string; tag?: string; digest?: string; pullPolicy?: string };
  /** The chart's `helm test` Pod (busybox:latest); never wanted in rendered manifests. */
  testFramework?: { enabled?: boolean };
  serviceAccount?: {
    create?: boolean;
    annotations?: Record<string, string>;
    name?: string;
    automountServiceAccountToken?: boolean;
  };
  rbac?: { create?: boolean; nodeAccess?: boolean; eventsAccess?: boolean };
  podSecurityContext?: IPodSecurityContext;
  securityContext?: ISecurityContext;
  hostNetwork?: boolean;
  dnsPolicy?: string;
  service?: { type?: string; port?: number; annotations?: Record<string, string> };
  resources?: IResourceRequirements;
  nodeSelector?: Record<string, string>;
  tolerations?: IToleration[];
  priorityClassName?: string;
  podAnnotations?: Record<string, string>;
  podLabels?: Record<string, string>;
  env?: IEnvVar[];
  /** The container's arguments (the chart's default starts it with its classic fluent-bit.conf). */
  args?: string[];
  updateStrategy?: IDaemonSetUpdateStrategy;
  /** Host paths of a DaemonSet (the chart's defaults mount /var/log and /etc/machine-id). */
  daemonSetVolumes?: IVolume[];
  daemonSetVolumeMounts?: IVolumeMount[];
  flush?: number;
  metricsPort?: number;
  logLevel?: 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /**
   * Fluent Bit classic-mode configuration sections, as text (chart 0.58.1 renders only the classic
   * `fluent-bit.conf` from them), and further files of the ConfigMap (`extraFiles`).
   */
  config?: {
    service?: string;
    inputs?: string;
    filters?: string;
    outputs?: string;
    customParsers?: string;
    extraFiles?: Record<string, string>;
  };
}
