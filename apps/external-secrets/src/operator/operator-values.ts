import type { ExternalSecretsValues, ExternalSecretsWorkload } from '@platform/charts';
import { externalSecretsRoleArn, nodePoolLabel, type ClusterSpec } from '@platform/config';

/** Helm release name; the chart names its controller ServiceAccount after it. */
export const operatorReleaseName = 'external-secrets';
export const controllerServiceAccountName = operatorReleaseName;

/** Two of each: a node drain or a rollout never leaves ExternalSecrets unreconciled or the webhook down. */
const replicas = 2;

/** Never on a Karpenter node (consolidation would move it constantly): the system node group. */
const offKarpenterNodes: ExternalSecretsWorkload['affinity'] = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: nodePoolLabel, operator: 'DoesNotExist' }] }],
    },
  },
};

function workload(cpu: string, memory: string): ExternalSecretsWorkload {
  return {
    replicaCount: replicas,
    resources: { requests: { cpu, memory }, limits: { memory } },
    affinity: offKarpenterNodes,
    podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
  };
}

/**
 * External Secrets Operator 2.9.0 for this platform: the controller reads AWS Secrets Manager
 * with its IRSA role; the webhook's certificate is issued at run time by the cert controller
 * (cert-manager off), so Helm renders its Secret without data and nothing random lands in
 * rendered/. Reconcilers of kinds the platform does not use are off: fewer watches, less RBAC.
 */
export function operatorValues(cluster: ClusterSpec): ExternalSecretsValues {
  return {
    installCRDs: true,
    ...workload('50m', '256Mi'),
    leaderElect: true,
    // Nobody but the platform (Argo CD, from this repository) creates ExternalSecrets: `edit` and
    // `admin` on a namespace must not include writing one that copies a secret out of the store.
    rbac: { aggregateToView: true, aggregateToEdit: false, aggregateToAdmin: false },
    serviceAccount: {
      create: true,
      annotations: { 'eks.amazonaws.com/role-arn': externalSecretsRoleArn(cluster) },
    },
    processClusterExternalSecret: false,
    processClusterPushSecret: false,
    processPushSecret: false,
    processClusterGenerator: false,
    crds: {
      createClusterExternalSecret: false,
      createClusterPushSecret: false,
      createPushSecret: false,
      createClusterGenerator: false,
    },
    webhook: { ...workload('20m', '64Mi'), create: true, certManager: { enabled: false } },
    certController: { ...workload('20m', '128Mi'), create: true },
  };
}
