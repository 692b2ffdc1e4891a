import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import { chartPin } from '../pin/chart-pin';

/**
 * Values of the `datadog` Helm chart, written against chart version 3.240.0
 * (charts/datadog/values.yaml in DataDog/helm-charts at tag datadog-3.240.0), including the keys of
 * its `operator` subchart (datadog-operator 2.25.0, Datadog Operator 1.29.0) that this platform sets.
 * Closed: a key that is not here fails `gitops validate` instead of being ignored by Helm.
 * Only keys this platform sets or may plausibly set are declared; add more from upstream as needed.
 */
export const datadogValuesWrittenAgainst = '3.240.0';

export const datadogChart = chartPin<DatadogValues>({
  chart: 'datadog',
  // renovate: datasource=helm depName=datadog registryUrl=https://helm.datadoghq.com
  version: '3.240.0',
  repository: 'https://helm.datadoghq.com',
});

/** The Datadog sites the chart accepts for `datadog.site` (its values.schema.json has no enum). */
export type DatadogSite =
  | 'datadoghq.com'
  | 'us3.datadoghq.com'
  | 'us5.datadoghq.com'
  | 'datadoghq.eu'
  | 'ap1.datadoghq.com'
  | 'ap2.datadoghq.com'
  | 'ddog-gov.com';

/**
 * One kube-state-metrics custom-resource-state entry (the fields this platform uses): gauges read
 * from a path of the object, labelled from paths; strings `True`/`False` count as 1/0.
 */
export interface KubeStateCustomResource {
  groupVersionKind: { group: string; version: string; kind: string };
  /** Labels of every metric of the resource, each from a path of the object. */
  labelsFromPath?: Record<string, string[]>;
  metrics: {
    name: string;
    help: string;
    each: {
      type: 'Gauge';
      gauge: {
        path: string[];
        labelsFromPath?: Record<string, string[]>;
        valueFrom?: string[];
        nilIsZero?: boolean;
      };
    };
  }[];
}

/** A check configuration file: the YAML text of `conf.d/<check>.yaml`. */
export type CheckConfigFiles = Record<string, string>;

export interface DatadogValues {
  /** Default image registry; derived from the site when unset. */
  registry?: string;
  datadog?: {
    /** Secret holding the API key under `api-key`; the chart then renders no Secret of its own. */
    apiKeyExistingSecret?: string;
    /** Secret holding the application key under `app-key`. */
    appKeyExistingSecret?: string;
    clusterName?: string;
    site?: DatadogSite;
    logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'critical' | 'off';
    /** Tags added to every metric, event and service check (`key:value`). */
    tags?: string[];
    /** Host PID namespace: only DogStatsD origin detection over UDS needs it. */
    useHostPID?: boolean;
    kubelet?: {
      tlsVerify?: boolean;
      hostCAPath?: string;
      /**
       * The agent's ClusterRole lists the kubelet's fine-grained subresources (`nodes/pods`,
       * `nodes/healthz`, `nodes/configz`, `nodes/logs`) instead of `nodes/proxy`; needs Kubernetes
       * 1.32+ with the KubeletFineGrainedAuthz feature gate (on by default from 1.33).
       */
      fineGrainedAuthorization?: boolean;
    };
    kubeStateMetricsCore?: {
      enabled?: boolean;
      /** Secret metrics need a cluster-wide list/watch on Secrets. */
      collectSecretMetrics?: boolean;
      /**
       * kube-state-metrics custom resource state entries (its `custom_resource.spec.resources`),
       * collected as `kubernetes_state_customresource.<metric>` (Cluster Agent 7.63+); the chart
       * grants list/watch on each kind's plural (kind + `s` without `groupVersionKind.resource`).
       */
      collectCrMetrics?: KubeStateCustomResource[];
    };
    clusterChecks?: { enabled?: boolean };
    collectEvents?: boolean;
    logs?: { enabled?: boolean; containerCollectAll?: boolean };
    apm?: {
      socketEnabled?: boolean;
      portEnabled?: boolean;
      instrumentation?: {
        enabled?: boolean;
        /** True keeps the chart from rendering a random install id and the install time. */
        skipKPITelemetry?: boolean;
      };
    };
    processAgent?: { enabled?: boolean; processCollection?: boolean };
    orchestratorExplorer?: { enabled?: boolean };
    networkMonitoring?: { enabled?: boolean };
    /** Service Discovery runs system-probe; unset, the chart enables it for Agent ≥ 7.78. */
    discovery?: { enabled?: boolean };
    remoteConfiguration?: { enabled?: boolean };
    prometheusScrape?: { enabled?: boolean };
    /** Node-agent check configurations (`<check>.yaml` → YAML text). */
    confd?: CheckConfigFiles;
    operator?: { enabled?: boolean };
  };
  clusterAgent?: {
    enabled?: boolean;
    replicas?: number;
    /** Existing Secret with the node-agent ↔ cluster-agent token under `token`. */
    tokenExistingSecret?: string;
    resources?: IResourceRequirements;
    containers?: { initContainers?: { resources?: IResourceRequirements } };
    /** Cluster-check configurations (`<check>.yaml` → YAML text). */
    confd?: CheckConfigFiles;
    /** Several cluster-check files per check: `<check>.d` → file name → YAML text. */
    advancedConfd?: Record<string, CheckConfigFiles>;
    tolerations?: IToleration[];
    nodeSelector?: Record<string, string>;
    priorityClassName?: string;
    pdb?: { create?: boolean; minAvailable?: number; maxUnavailable?: number };
    metricsProvider?: { enabled?: boolean };
    admissionController?: { enabled?: boolean };
  };
  agents?: {
    enabled?: boolean;
    tolerations?: IToleration[];
    nodeSelector?: Record<string, string>;
    priorityClassCreate?: boolean;
    priorityClassName?: string;
    useHostNetwork?: boolean;
    containers?: {
      agent?: { resources?: IResourceRequirements };
      traceAgent?: { resources?: IResourceRequirements };
      processAgent?: { resources?: IResourceRequirements };
      systemProbe?: { resources?: IResourceRequirements };
      initContainers?: { resources?: IResourceRequirements };
    };
  };
  clusterChecksRunner?: { enabled?: boolean };
  providers?: { eks?: { ec2?: { useHostnameFromFile?: boolean } } };
  remoteConfiguration?: { enabled?: boolean };
  /** The datadog-operator subchart (alias `operator`), enabled by `datadog.operator.enabled`. */
  operator?: DatadogOperatorSubchartValues;
}

/** The subset of datadog-operator 2.25.0 values this platform sets through the parent chart. */
export interface DatadogOperatorSubchartValues {
  /** The subchart cannot see the parent's `datadog.*` keys, so the keys are named again here. */
  apiKeyExistingSecret?: string;
  appKeyExistingSecret?: string;
  site?: DatadogSite;
  clusterName?: string;
  replicaCount?: number;
  resources?: IResourceRequirements;
  tolerations?: IToleration[];
  nodeSelector?: Record<string, string>;
  /** The operator's own ClusterRole; `kubeletFineGrainedAuthorization` leaves out `nodes/proxy`. */
  clusterRole?: {
    allowReadAllResources?: boolean;
    allowCreatePodsExec?: boolean;
    kubeletFineGrainedAuthorization?: boolean;
  };
  datadogAgent?: { enabled?: boolean };
  datadogAgentInternal?: { enabled?: boolean };
  datadogDashboard?: { enabled?: boolean };
  datadogGenericResource?: { enabled?: boolean };
  datadogMonitor?: { enabled?: boolean };
  datadogSLO?: { enabled?: boolean };
  datadogCRDs?: {
    keepCrds?: boolean;
    crds?: {
      datadogAgents?: boolean;
      datadogMonitors?: boolean;
      datadogSLOs?: boolean;
      datadogDashboards?: boolean;
      datadogGenericResources?: boolean;
      datadogMetrics?: boolean;
      datadogPodAutoscalers?: boolean;
      datadogAgentInternals?: boolean;
      datadogCSIDrivers?: boolean;
    };
  };
}
