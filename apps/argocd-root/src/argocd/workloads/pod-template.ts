import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { ArgocdInstallError, objectKey, type InstallObject } from '../install/install-object';

/** The install's pod workloads: Deployments and StatefulSets (it has no DaemonSet, Job or Pod). */
export const workloadKinds = ['Deployment', 'StatefulSet'] as const;

export function isWorkload(object: InstallObject): boolean {
  return (workloadKinds as readonly string[]).includes(object.kind);
}

export interface WorkloadSpec {
  replicas?: number;
  template: { spec: IPodSpec };
}

export function workloadSpec(object: InstallObject): WorkloadSpec {
  const spec = object.spec as WorkloadSpec | undefined;
  if (!spec?.template?.spec?.containers) {
    throw new ArgocdInstallError(objectKey(object), 'has no spec.template.spec.containers');
  }
  return spec;
}

/** Init containers first, then containers: the order the kubelet starts them. */
export function allContainers(object: InstallObject): IContainer[] {
  const pod = workloadSpec(object).template.spec;
  return [...(pod.initContainers ?? []), ...pod.containers];
}
