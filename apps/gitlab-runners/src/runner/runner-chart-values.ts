import type { GitlabRunnerValues } from '@platform/charts';
import { gitlabInstance, nodePoolLabel, type ClusterSpec } from '@platform/config';
import { executorRbacRules } from './executor-permissions';
import type { RunnerDefinition } from './runner-definition';
import { managerReplicas, runnerCapacity } from './runner-capacity';
import {
  managerPriorityClassName,
  managerServiceAccountName,
  releaseName,
  tokenSecretName,
} from './runner-names';
import { runnerTemplateText } from './runner-template';

/** Longest job GitLab lets a runner run, plus the runner's own shutdown: a rollout never kills a job. */
function terminationGracePeriodSeconds(runner: RunnerDefinition): number {
  return runner.gitlab.maximumTimeout + 300;
}

export function runnerChartValues(
  runner: RunnerDefinition,
  cluster: ClusterSpec,
): GitlabRunnerValues {
  const capacity = runnerCapacity(runner);
  const name = releaseName(runner);
  return {
    gitlabUrl: gitlabInstance.url,
    replicas: managerReplicas,
    concurrent: capacity.concurrent,
    checkInterval: capacity.checkInterval,
    shutdown_timeout: 300,
    logFormat: 'json',
    logLevel: 'info',
    // Managers are deleted when their pods go: GitLab keeps the runner, not stale managers.
    unregisterRunners: true,
    terminationGracePeriodSeconds: terminationGracePeriodSeconds(runner),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    rbac: { create: true, clusterWideAccess: false, rules: executorRbacRules() },
    // Our own ServiceAccount (automountServiceAccountToken: false, IRSA); the pod asks for its token.
    serviceAccount: { create: false, name: managerServiceAccountName(runner) },
    automountServiceAccountToken: true,
    metrics: { enabled: true },
    runners: {
      name,
      executor: 'kubernetes',
      jobNamespace: runner.jobNamespace,
      secret: tokenSecretName(runner),
      config: runnerTemplateText(runner, cluster),
    },
    priorityClassName: managerPriorityClassName,
    ...managerPodSecurity,
    affinity: managerAffinity(name),
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: name } },
      },
    ],
  };
}

/** The chart image's user (100); nothing else is needed to talk to GitLab and the API server. */
const managerPodSecurity: Pick<
  GitlabRunnerValues,
  'podSecurityContext' | 'securityContext' | 'resources'
> = {
  podSecurityContext: {
    runAsUser: 100,
    runAsGroup: 65533,
    fsGroup: 65533,
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: false,
    runAsNonRoot: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
  },
  resources: {
    requests: { cpu: '200m', memory: '256Mi' },
    limits: { memory: '512Mi' },
  },
};

/** Never on a Karpenter node (it may be consolidated away mid-job); two managers never share a node. */
function managerAffinity(app: string): GitlabRunnerValues['affinity'] {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: nodePoolLabel, operator: 'DoesNotExist' }] },
        ],
      },
    },
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app } } },
      ],
    },
  };
}
