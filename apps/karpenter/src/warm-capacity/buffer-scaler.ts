import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { CiNodePool } from '@platform/config';
import { warmCapacityName } from './capacity-buffer';

/** A buffer and the replicas it holds in working hours. */
export interface ScaledBuffer {
  pool: CiNodePool;
  workingHoursReplicas: number;
}

export const scalerName = 'warm-capacity-scaler';

/** Its ServiceAccount: no token by default; the scaler pods mount theirs explicitly. */
export function scalerServiceAccount(namespace: string): IServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: scalerName, namespace },
    automountServiceAccountToken: false,
  };
}

/**
 * Per job namespace: `get` and `patch` on exactly the buffers there, by name; nothing else (no
 * list, no create, no other kind). kubectl's discovery needs no grant (system:discovery).
 */
export function scalerRbac(
  buffers: readonly ScaledBuffer[],
  serviceAccountNamespace: string,
): (IRole | IRoleBinding)[] {
  const namespaces = [...new Set(buffers.map((b) => b.pool.jobNamespace))].sort();
  return namespaces.flatMap((namespace): (IRole | IRoleBinding)[] => [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: scalerName, namespace },
      rules: [
        {
          apiGroups: ['autoscaling.x-k8s.io'],
          resources: ['capacitybuffers'],
          resourceNames: buffers
            .filter((b) => b.pool.jobNamespace === namespace)
            .map((b) => warmCapacityName(b.pool)),
          verbs: ['get', 'patch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: scalerName, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: scalerName },
      subjects: [{ kind: 'ServiceAccount', name: scalerName, namespace: serviceAccountNamespace }],
    },
  ]);
}

/** One container per buffer: `kubectl patch` of its replicas (the image's entrypoint is kubectl). */
function patchContainer(buffer: ScaledBuffer, replicas: number, image: string): IContainer {
  return {
    name: buffer.pool.name,
    image,
    args: [
      'patch',
      'capacitybuffers.autoscaling.x-k8s.io',
      warmCapacityName(buffer.pool),
      `--namespace=${buffer.pool.jobNamespace}`,
      '--type=merge',
      `--patch=${JSON.stringify({ spec: { replicas } })}`,
      '--cache-dir=/tmp/kube-cache',
    ],
    resources: { requests: { cpu: '10m', memory: '64Mi' }, limits: { memory: '64Mi' } },
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
    },
  };
}

/**
 * A CronJob that sets every buffer's replicas (`working-hours` to the plan's chunks, `off` to
 * zero) on `schedule` (UTC). Patching is idempotent, so the working-hours job runs every hour: a
 * buffer created, reset or changed mid-day is right again within the hour.
 */
export function scalerCronJob(options: {
  name: string;
  namespace: string;
  schedule: string;
  buffers: readonly ScaledBuffer[];
  replicas: (buffer: ScaledBuffer) => number;
  image: string;
}): ICronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      schedule: options.schedule,
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 600,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: 3,
          activeDeadlineSeconds: 300,
          ttlSecondsAfterFinished: 86400,
          template: {
            spec: {
              serviceAccountName: scalerName,
              automountServiceAccountToken: true,
              restartPolicy: 'OnFailure',
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              securityContext: {
                runAsNonRoot: true,
                runAsUser: 65532,
                runAsGroup: 65532,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              containers: options.buffers.map((b) =>
                patchContainer(b, options.replicas(b), options.image),
              ),
              volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
            },
          },
        },
      },
    },
  };
}
