import {
  jobPodEphemeralStorageMiB,
  jobPodRequests,
  poolBuffers,
  pipelineJobsPerPool,
  mostCommonClass,
  formatCpu,
  formatMemory,
  jobFootprints,
  sharedPlanInput,
} from '@platform/capacity';
import {
  allCiNodePools,
  clusterByName,
  inventory,
  jobSizeClasses,
  loadProfile,
  warmHeadroom,
  workingHoursSchedules,
} from '@platform/config';
import { committedFiles, committedObjects, type RenderedObject } from '@platform/rendered-tree';
import { validate } from '@platform/validate';
import { describe, expect, it } from 'vitest';
import { warmCapacityImages } from './warm-capacity-images';

const objects = committedObjects('rendered/ci/karpenter/warm-capacity');
const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
const named = (kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name)!;
const { pools, peak } = sharedPlanInput(clusterByName(inventory, 'ci'));
const footprints = jobFootprints(jobSizeClasses);
/** What the inventory asks of each shared pool, computed here from libs/config alone. */
const expected = poolBuffers(peak, pools, warmHeadroom.pipelines, footprints).filter(
  (b) => allCiNodePools.find((p) => p.name === b.pool)!.jobIsolation.mode === 'shared',
);

type Container = { name: string; args: string[] };
const patches = (cronJob: RenderedObject) =>
  Object.fromEntries(
    (cronJob.spec.jobTemplate.spec.template.spec.containers as Container[]).map((c) => [
      c.name,
      JSON.parse(c.args.find((a) => a.startsWith('--patch='))!.slice('--patch='.length)),
    ]),
  );

describe('the warm headroom of the ci cluster', () => {
  const shared = allCiNodePools.filter((p) => p.jobIsolation.mode === 'shared');

  it('renders a CapacityBuffer per shared CI pool in its job namespace, at zero, shaped by its PodTemplate', () => {
    expect(
      ofKind('CapacityBuffer')
        .map((b) => `${b.metadata.namespace}/${b.metadata.name}`)
        .sort(),
    ).toEqual(shared.map((p) => `${p.jobNamespace}/warm-capacity-${p.name}`).sort());
    for (const buffer of ofKind('CapacityBuffer')) {
      expect(buffer.apiVersion).toBe('autoscaling.x-k8s.io/v1beta1');
      expect(buffer.spec.replicas).toBe(0);
      const template = named('PodTemplate', buffer.spec.podTemplateRef.name);
      expect(template.metadata.namespace).toBe(buffer.metadata.namespace);
    }
  });

  it("sizes each chunk as one job of the pool's most common class, on the pool's nodes", () => {
    for (const pool of shared) {
      const burst = pipelineJobsPerPool(peak, pools, 1).find((p) => p.pool === pool.name)!;
      const sizeClass =
        jobSizeClasses[mostCommonClass(burst.jobsByClass) as keyof typeof jobSizeClasses];
      const spec = named('PodTemplate', `warm-capacity-${pool.name}`).template.spec;
      expect(spec.containers[0].resources.requests).toEqual({
        cpu: formatCpu(jobPodRequests(sizeClass).cpuMillis),
        memory: formatMemory(jobPodRequests(sizeClass).memoryMiB),
        'ephemeral-storage': formatMemory(jobPodEphemeralStorageMiB(sizeClass)),
      });
      expect(spec.nodeSelector['karpenter.sh/nodepool']).toBe(pool.name);
      expect(spec.tolerations).toEqual(pool.taints.map((t) => ({ ...t, operator: 'Equal' })));
    }
  });

  it('holds the inventory’s burst in working hours and zero at their end, by the load profile’s clock', () => {
    const schedules = workingHoursSchedules(loadProfile);
    const on = named('CronJob', 'warm-capacity-scaler-working-hours');
    const off = named('CronJob', 'warm-capacity-scaler-off');
    expect([on.spec.schedule, on.spec.timeZone]).toEqual([schedules.everyHour, 'Etc/UTC']);
    expect([off.spec.schedule, off.spec.timeZone]).toEqual([schedules.end, 'Etc/UTC']);
    expect(patches(on)).toEqual(
      Object.fromEntries(expected.map((b) => [b.pool, { spec: { replicas: b.chunks } }])),
    );
    expect(patches(off)).toEqual(
      Object.fromEntries(expected.map((b) => [b.pool, { spec: { replicas: 0 } }])),
    );
  });

  it('lets its scaler get and patch exactly these buffers, and nothing else', () => {
    const account = named('ServiceAccount', 'warm-capacity-scaler');
    expect(account.automountServiceAccountToken).toBe(false);
    for (const role of ofKind('Role')) {
      expect(role.rules).toEqual([
        {
          apiGroups: ['autoscaling.x-k8s.io'],
          resources: ['capacitybuffers'],
          resourceNames: ofKind('CapacityBuffer')
            .filter((b) => b.metadata.namespace === role.metadata.namespace)
            .map((b) => b.metadata.name)
            .sort(),
          verbs: ['get', 'patch'],
        },
      ]);
      const binding = ofKind('RoleBinding').find(
        (b) => b.metadata.namespace === role.metadata.namespace,
      )!;
      expect(binding.roleRef.name).toBe(role.metadata.name);
      expect(binding.subjects).toEqual([
        {
          kind: 'ServiceAccount',
          name: account.metadata.name,
          namespace: account.metadata.namespace,
        },
      ]);
    }
    for (const cronJob of ofKind('CronJob')) {
      expect(cronJob.metadata.namespace).toBe(account.metadata.namespace);
      expect(cronJob.spec.jobTemplate.spec.template.spec.serviceAccountName).toBe(
        account.metadata.name,
      );
    }
  });

  it("runs a kubectl within one minor version of the cluster's API server (kubectl's skew policy)", () => {
    const minor = (version: string) => Number(/^v?1\.(\d+)/.exec(version)![1]);
    const kubectl = minor(warmCapacityImages.kubectl.split(':').at(-1)!);
    for (const cluster of inventory.clusters.filter((c) => c.role === 'workload'))
      expect(
        Math.abs(kubectl - minor(cluster.eks.kubernetesVersion)),
        cluster.name,
      ).toBeLessThanOrEqual(1);
  });

  it('is left to its scaler by Argo CD: replicas ignored, and kept live when it syncs', () => {
    const [application] = committedObjects('rendered/mgmt/argocd-root/app-of-apps').filter(
      (o) => o.kind === 'Application' && o.metadata.name === 'ci-karpenter-warm-capacity',
    );
    expect(application!.spec.ignoreDifferences).toEqual([
      { group: 'autoscaling.x-k8s.io', kind: 'CapacityBuffer', jsonPointers: ['/spec/replicas'] },
    ]);
    expect(application!.spec.syncPolicy.syncOptions).toContain('RespectIgnoreDifferences=true');
    expect(application!.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
  });

  it('validates against the CapacityBuffer CRD the Karpenter chart installs, CEL rules included', async () => {
    const crds = committedFiles('rendered/ci/karpenter/controller').filter((f) =>
      f.path.includes('customresourcedefinition-'),
    );
    const ours = committedFiles('rendered/ci/karpenter/warm-capacity');
    expect((await validate([...crds, ...ours], { engine: 'embedded' })).findings).toEqual([]);
    // The same object without replicas breaks the CRD's rule: the check does read it.
    const buffer = ours.find((f) => f.path.includes('capacitybuffer-'))!;
    const broken = { ...buffer, content: buffer.content.replace(/\n  replicas: 0/, '') };
    const findings = (await validate([...crds, broken], { engine: 'embedded' })).findings.map(
      (f) => f.message,
    );
    expect(findings.join('\n')).toMatch(
      /If podTemplateRef is set, replicas or limits must also be set/,
    );
  });
});
