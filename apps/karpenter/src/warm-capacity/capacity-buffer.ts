import type { IPodTemplate } from 'kubernetes-models/v1/PodTemplate';
import { formatCpu, formatMemory, type JobFootprint } from '@platform/capacity';
import { nodePoolLabel, type CiNodePool } from '@platform/config';

/**
 * `autoscaling.x-k8s.io/v1beta1` CapacityBuffer, the fields this platform sets, written against
 * the CRD Karpenter chart 1.14.1 installs (`crds/autoscaling.x-k8s.io_capacitybuffers.yaml`;
 * `gitops validate` checks the rendered objects against it): spare capacity shaped like the pods
 * of a PodTemplate in the same namespace, `replicas` of them. Karpenter (gate `CapacityBuffer`)
 * simulates those pods, never creates them, and keeps room for them on its nodes.
 */
export interface CapacityBuffer {
  apiVersion: 'autoscaling.x-k8s.io/v1beta1';
  kind: 'CapacityBuffer';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: {
    provisioningStrategy: 'buffer.x-k8s.io/active-capacity';
    podTemplateRef: { name: string };
    /** The CRD requires replicas or limits beside a podTemplateRef. */
    replicas: number;
  };
}

/** The buffer and its PodTemplate of one pool share this name, in the pool's job namespace. */
export const warmCapacityName = (pool: CiNodePool) => `warm-capacity-${pool.name}`;

export const warmCapacityLabel = 'ci.platform/warm-capacity';

/**
 * The rendered buffer is at zero: the scaler CronJobs own `spec.replicas` from then on (working
 * hours: the plan's chunks; outside them: zero), and Argo CD ignores the field.
 */
export function capacityBufferManifest(pool: CiNodePool): CapacityBuffer {
  return {
    apiVersion: 'autoscaling.x-k8s.io/v1beta1',
    kind: 'CapacityBuffer',
    metadata: {
      name: warmCapacityName(pool),
      namespace: pool.jobNamespace,
      labels: { [warmCapacityLabel]: pool.name },
    },
    spec: {
      provisioningStrategy: 'buffer.x-k8s.io/active-capacity',
      podTemplateRef: { name: warmCapacityName(pool) },
      replicas: 0,
    },
  };
}

/**
 * One chunk: a job pod of the pool's most common size class (build, helper and its most services
 * summed into one placeholder container), on the pool's nodes. Compliant with the job namespace
 * like a job pod, though Karpenter never creates it.
 */
export function bufferPodTemplate(
  pool: CiNodePool,
  chunk: JobFootprint,
  pauseImage: string,
): IPodTemplate {
  const requests = {
    cpu: formatCpu(chunk.cpuMillis),
    memory: formatMemory(chunk.memoryMiB),
    'ephemeral-storage': formatMemory(chunk.ephemeralStorageMiB),
  };
  return {
    apiVersion: 'v1',
    kind: 'PodTemplate',
    metadata: {
      name: warmCapacityName(pool),
      namespace: pool.jobNamespace,
      labels: { [warmCapacityLabel]: pool.name },
    },
    template: {
      metadata: {
        labels: { [warmCapacityLabel]: pool.name },
        annotations: { 'karpenter.sh/do-not-disrupt': 'true' },
      },
      spec: {
        automountServiceAccountToken: false,
        // The pool decides the architecture (a multi-arch pool has two).
        nodeSelector: { [nodePoolLabel]: pool.name },
        tolerations: pool.taints.map((taint) => ({ ...taint, operator: 'Equal' as const })),
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'chunk',
            image: pauseImage,
            resources: {
              requests,
              limits: {
                memory: requests.memory,
                'ephemeral-storage': requests['ephemeral-storage'],
              },
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
          },
        ],
      },
    },
  };
}
