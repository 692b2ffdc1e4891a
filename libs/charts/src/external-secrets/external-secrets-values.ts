import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';

/**
 * Values of the `external-secrets` Helm chart (External Secrets Operator), written against chart
 * version 2.9.0 (appVersion v2.9.0; deploy/charts/external-secrets/values.yaml at tag
 * helm-chart-2.9.0). Closed: a key that is not here fails `gitops validate` instead of being
 * ignored by Helm. Only keys this platform sets or may plausibly set are declared. The chart's
 * security contexts (non-root, no escalation, all capabilities dropped, seccomp RuntimeDefault,
 * read-only root) already meet Pod Security `restricted` and are left at their defaults.
 */
export const externalSecretsValuesWrittenAgainst = '2.9.0';

export interface ExternalSecretsServiceAccount {
  create?: boolean;
  /** Whether pods mount the token; every ESO pod talks to the API server, so it stays true. */
  automount?: boolean;
  /** IRSA: `eks.amazonaws.com/role-arn`. */
  annotations?: Record<string, string>;
  extraLabels?: Record<string, string>;
  name?: string;
}

export interface ExternalSecretsPodDisruptionBudget {
  enabled?: boolean;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

/** Scheduling and sizing keys shared by the controller, the webhook and the cert controller. */
export interface ExternalSecretsWorkload {
  replicaCount?: number;
  serviceAccount?: ExternalSecretsServiceAccount;
  resources?: IResourceRequirements;
  priorityClassName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: IToleration[];
  affinity?: IAffinity;
  topologySpreadConstraints?: ITopologySpreadConstraint[];
  podDisruptionBudget?: ExternalSecretsPodDisruptionBudget;
  podLabels?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  log?: { level?: 'debug' | 'info' | 'warn' | 'error'; timeEncoding?: string };
}

export interface ExternalSecretsValues extends ExternalSecretsWorkload {
  /** Render the CRDs from the chart's templates (the package must contain them). */
  installCRDs?: boolean;
  crds?: {
    createClusterExternalSecret?: boolean;
    createClusterSecretStore?: boolean;
    createSecretStore?: boolean;
    createClusterGenerator?: boolean;
    createClusterPushSecret?: boolean;
    createPushSecret?: boolean;
    conversion?: { enabled?: boolean };
  };
  leaderElect?: boolean;
  concurrent?: number;
  /** Whether the chart's ClusterRoles aggregate into Kubernetes' `view`, `edit` and `admin`. */
  rbac?: { aggregateToView?: boolean; aggregateToEdit?: boolean; aggregateToAdmin?: boolean };
  processClusterExternalSecret?: boolean;
  processClusterPushSecret?: boolean;
  processClusterStore?: boolean;
  processSecretStore?: boolean;
  processClusterGenerator?: boolean;
  processPushSecret?: boolean;
  serviceMonitor?: { enabled?: boolean };
  webhook?: ExternalSecretsWorkload & {
    create?: boolean;
    failurePolicy?: 'Fail' | 'Ignore';
    /** Off: the cert controller issues the webhook certificate at run time, not Helm. */
    certManager?: { enabled?: boolean };
  };
  certController?: ExternalSecretsWorkload & { create?: boolean };
}
