import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ArgocdInstallError, objectKey, type InstallObject } from '../install/install-object';
import { isWorkload, workloadSpec } from './pod-template';

/**
 * A PodDisruptionBudget of `maxUnavailable: 1` for every workload with more than one replica (the
 * HA install ships none): a node group upgrade or a drain then takes out one server, repo-server,
 * HAProxy or Redis member at a time, and the Redis quorum of two survives. Single-replica
 * workloads get none, since a budget would block the drain instead of protecting anything.
 */
export function disruptionBudgets(install: readonly InstallObject[]): InstallObject[] {
  return install.filter(isWorkload).flatMap((workload) => {
    const spec = workloadSpec(workload) as ReturnType<typeof workloadSpec> & {
      selector?: { matchLabels?: Record<string, string> };
    };
    if ((spec.replicas ?? 1) < 2) return [];
    const matchLabels = spec.selector?.matchLabels;
    if (!matchLabels) {
      throw new ArgocdInstallError(objectKey(workload), 'has no spec.selector.matchLabels');
    }
    const budget: IPodDisruptionBudget = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: {
        name: workload.metadata.name,
        namespace: workload.metadata.namespace,
        labels: { ...workload.metadata.labels },
      },
      spec: { maxUnavailable: 1, selector: { matchLabels } },
    };
    return [budget as InstallObject];
  });
}
