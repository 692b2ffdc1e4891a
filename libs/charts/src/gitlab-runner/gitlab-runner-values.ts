import type { IDeploymentStrategy } from 'kubernetes-models/apps/v1/DeploymentStrategy';
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IEnvFromSource } from 'kubernetes-models/v1/EnvFromSource';
import type { IEnvVarSource } from 'kubernetes-models/v1/EnvVarSource';
import type { IHostAlias } from 'kubernetes-models/v1/HostAlias';
import type { ILifecycle } from 'kubernetes-models/v1/Lifecycle';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

/**
 * Values of the `gitlab-runner` Helm chart, written against chart version 0.86.0 (GitLab Runner
 * 18.9.0; the chart's values.yaml and templates/ in that package). Closed: a key that is not here
 * fails `gitops validate` instead of being ignored by Helm. Keys that values.yaml only documents
 * as comments (`# replicas:`, `# runners.secret:`) are real inputs of the templates and declared.
 *
 * Deliberately absent, so they cannot be set by mistake:
 * - `runnerToken`, `runnerRegistrationToken`: the chart would render a Secret holding the token;
 *   tokens come from an existing Secret (`runners.secret`) filled by an ExternalSecret.
 * - `runners.tags`, `runners.locked`, `runners.runUntagged`, `runners.protected`: read by the
 *   registration script but ignored for `glrt-` tokens, whose runner properties live in GitLab.
 * - the deprecated `rbac.serviceAccountName`, `rbac.serviceAccountAnnotations` and
 *   `rbac.imagePullSecrets` (use `serviceAccount.*`).
 */
export const gitlabRunnerValuesWrittenAgainst = '0.86.0';

/** One rule of the chart's Role; the chart fills a missing field with `""`/`*`, so all are required here. */
export interface GitlabRunnerRbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

export interface GitlabRunnerProbe {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface GitlabRunnerValues {
  /** Namespace of the manager Deployment when it differs from the release namespace. */
  namespace?: string;
  image?: { registry?: string; image?: string; tag?: string };
  useTini?: boolean;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  imagePullSecrets?: { name: string }[];
  probeTimeoutSeconds?: number;
  livenessProbe?: GitlabRunnerProbe & { terminationGracePeriodSeconds?: number };
  readinessProbe?: GitlabRunnerProbe;
  replicas?: number;
  revisionHistoryLimit?: number;
  gitlabUrl?: string;
  unregisterRunners?: boolean;
  terminationGracePeriodSeconds?: number;
  certsSecretName?: string;
  /** Global `concurrent` of the rendered config.toml. */
  concurrent?: number;
  /** Global `shutdown_timeout` (seconds). */
  shutdown_timeout?: number;
  /** Global `check_interval` (seconds). */
  checkInterval?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'panic';
  logFormat?: 'runner' | 'text' | 'json';
  connectionMaxAge?: string;
  sessionServer?: { enabled?: boolean };
  rbac?: {
    create?: boolean;
    generatedServiceAccountName?: string;
    /** Empty rules make the chart grant every verb on every core resource: always set them. */
    rules?: GitlabRunnerRbacRule[];
    clusterWideAccess?: boolean;
    podSecurityPolicy?: { enabled?: boolean; resourceNames?: string[] };
  };
  serviceAccount?: {
    create?: boolean;
    name?: string;
    /** IRSA: `eks.amazonaws.com/role-arn`. */
    annotations?: Record<string, string>;
    imagePullSecrets?: string[];
  };
  metrics?: {
    enabled?: boolean;
    portName?: string;
    port?: number;
    serviceMonitor?: { enabled?: boolean };
    podMonitor?: { enabled?: boolean };
  };
  service?: { enabled?: boolean; type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' };
  runners?: {
    /** Namespace of the job pods; also where the chart puts its Role and RoleBinding. */
    jobNamespace?: string;
    /** The `[[runners]]` template merged into config.toml at registration (a TOML document). */
    config?: string;
    configPath?: string;
    executor?: 'kubernetes';
    name?: string;
    /** An existing Secret with the keys `runner-token` and `runner-registration-token`. */
    secret?: string;
    cache?: { secretName?: string };
  };
  schedulerName?: string;
  securityContext?: ISecurityContext;
  strategy?: IDeploymentStrategy;
  podSecurityContext?: IPodSecurityContext;
  resources?: IResourceRequirements;
  affinity?: IAffinity;
  topologySpreadConstraints?: ITopologySpreadConstraint[];
  runtimeClassName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: IToleration[];
  envVars?: { name: string; value: string }[];
  extraEnv?: Record<string, string>;
  extraEnvFrom?: Record<string, IEnvVarSource>;
  extraEnvFromRefs?: IEnvFromSource[];
  hostAliases?: IHostAlias[];
  deploymentAnnotations?: Record<string, string>;
  deploymentLabels?: Record<string, string>;
  deploymentLifecycle?: ILifecycle;
  podAnnotations?: Record<string, string>;
  podLabels?: Record<string, string>;
  priorityClassName?: string;
  secrets?: { name: string; items?: { key: string; path: string }[] }[];
  automountServiceAccountToken?: boolean;
  configMaps?: Record<string, string>;
  volumeMounts?: IVolumeMount[];
  volumes?: IVolume[];
}
