import {
  allCiNodePools,
  loadProfile,
  namespaces,
  workingHoursSchedules,
  type ClusterSpec,
} from '@platform/config';
import { defineComponent } from '@platform/core';
import { renderTimePlan } from '../ci-nodes/peak-limits';
import { bufferPodTemplate, capacityBufferManifest } from './capacity-buffer';
import {
  scalerCronJob,
  scalerName,
  scalerRbac,
  scalerServiceAccount,
  type ScaledBuffer,
} from './buffer-scaler';
import { warmCapacityImages } from './warm-capacity-images';

/**
 * Each CI pool's buffer and its working-hours replicas, from the render-time capacity plan. A
 * pool the peak sends no job to on this cluster (the multi-arch pool without its runner) gets
 * none: there is nothing to keep warm, and its job namespace does not exist there.
 */
export function scaledBuffers(cluster: ClusterSpec): ScaledBuffer[] {
  const plan = renderTimePlan(cluster);
  return allCiNodePools.flatMap((pool) => {
    const planned = plan.pools.find((p) => p.name === pool.name);
    const buffer = planned && planned.jobs > 0 ? planned.buffer : undefined;
    return buffer ? [{ pool, workingHoursReplicas: buffer.chunks }] : [];
  });
}

/**
 * Warm headroom in working hours: per shared CI node pool (a one-job-per-node pool's nodes take
 * jobs only for a short window after they start, so it gets none) a CapacityBuffer of its most common job size
 * (libs/config `warmHeadroom`, sized by libs/capacity), and the CronJobs that hold it at its
 * working-hours replicas every hour of the load profile's working days and set it to zero at
 * their end. A CronJob patching `spec.replicas`, and not something that runs already: nothing
 * on the cluster scales by the clock (Karpenter's budgets schedule disruption, not capacity), a
 * kubectl CronJob needs only a Role on two named objects, and its schedule is rendered from the
 * same load profile the planner prices. Argo CD ignores `spec.replicas` of these buffers and keeps
 * its live value when it syncs (RespectIgnoreDifferences), so self-heal does not undo the scaler.
 */
export default defineComponent({
  description:
    'Warm headroom: a CapacityBuffer per CI pool, scaled to its working-hours size and back to zero by CronJobs.',
  clusters: 'workload',
  namespace: namespaces.karpenter,
  // The job namespaces of the pools that get headroom (shared pools; see libs/capacity).
  additionalNamespaces: [
    ...new Set(
      allCiNodePools.filter((p) => p.jobIsolation.mode === 'shared').map((p) => p.jobNamespace),
    ),
  ],
  // After the CRDs (controller, -10) and the job namespaces (gitlab-runners namespaces, 0).
  syncWave: 1,
  ignoreDifferences: [
    {
      group: 'autoscaling.x-k8s.io',
      kind: 'CapacityBuffer',
      jsonPointers: ['/spec/replicas'],
      reason:
        'The warm-capacity CronJobs own the replicas over the day; Git holds zero, applied only when a buffer is created.',
    },
  ],
  resources: (chart, { cluster }) => {
    const plan = renderTimePlan(cluster);
    const buffers = scaledBuffers(cluster);
    for (const { pool } of buffers) {
      const buffer = plan.pools.find((p) => p.name === pool.name)!.buffer!;
      const chunk = {
        ...plan.jobRequests[buffer.sizeClass]!,
        ephemeralStorageMiB: plan.jobEphemeralStorageMiB[buffer.sizeClass]!,
      };
      chart.add(bufferPodTemplate(pool, chunk, warmCapacityImages.pause));
      chart.add(capacityBufferManifest(pool));
    }
    const home = namespaces.karpenter;
    chart.add(scalerServiceAccount(home));
    for (const object of scalerRbac(buffers, home)) chart.add(object);
    const schedules = workingHoursSchedules(loadProfile);
    const cronJob = { namespace: home, buffers, image: warmCapacityImages.kubectl };
    chart.add(
      scalerCronJob({
        ...cronJob,
        name: `${scalerName}-working-hours`,
        schedule: schedules.everyHour,
        replicas: (b) => b.workingHoursReplicas,
      }),
    );
    chart.add(
      scalerCronJob({
        ...cronJob,
        name: `${scalerName}-off`,
        schedule: schedules.end,
        replicas: () => 0,
      }),
    );
  },
});
