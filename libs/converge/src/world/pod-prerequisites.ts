import { kindOf, nameOf, namespaceOf, type KubeObject } from '../kube/kube-object';
import type { RuntimeSecret } from '@platform/config';
import type { ClusterModel } from './cluster-model';

/** A Secret no file holds because a pod creates it at run time, and why (libs/config). */
export type { RuntimeSecret };

/** The pod spec a workload's pods are made from (a Pod's own spec). */
export function podSpecOf(object: KubeObject): Record<string, any> | undefined {
  switch (kindOf(object)) {
    case 'Pod':
      return object.spec;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return object.spec?.template?.spec;
    case 'CronJob':
      return object.spec?.jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

/** A reference from a pod spec to another object that must exist for the pod to start. */
interface PodReference {
  kind: 'ServiceAccount' | 'ConfigMap' | 'Secret' | 'PriorityClass';
  name: string;
}

/** Priority classes every cluster has (scheduling/v1 built-ins). */
const builtInPriorityClasses = new Set(['system-cluster-critical', 'system-node-critical']);

function references(spec: Record<string, any>): PodReference[] {
  const found: PodReference[] = [
    { kind: 'ServiceAccount', name: spec.serviceAccountName ?? spec.serviceAccount ?? 'default' },
  ];
  if (spec.priorityClassName && !builtInPriorityClasses.has(spec.priorityClassName))
    found.push({ kind: 'PriorityClass', name: spec.priorityClassName });
  const add = (kind: 'ConfigMap' | 'Secret', name: unknown, optional: unknown) => {
    if (typeof name === 'string' && optional !== true) found.push({ kind, name });
  };
  for (const volume of spec.volumes ?? []) {
    add('ConfigMap', volume.configMap?.name, volume.configMap?.optional);
    add('Secret', volume.secret?.secretName, volume.secret?.optional);
    for (const source of volume.projected?.sources ?? []) {
      add('ConfigMap', source.configMap?.name, source.configMap?.optional);
      add('Secret', source.secret?.name, source.secret?.optional);
    }
  }
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const env of container.env ?? []) {
      add(
        'ConfigMap',
        env.valueFrom?.configMapKeyRef?.name,
        env.valueFrom?.configMapKeyRef?.optional,
      );
      add('Secret', env.valueFrom?.secretKeyRef?.name, env.valueFrom?.secretKeyRef?.optional);
    }
    for (const from of container.envFrom ?? []) {
      add('ConfigMap', from.configMapRef?.name, from.configMapRef?.optional);
      add('Secret', from.secretRef?.name, from.secretRef?.optional);
    }
  }
  return found;
}

/**
 * Why a workload's pods cannot start in this cluster now, or undefined when they can: a
 * ServiceAccount, PriorityClass, ConfigMap or Secret they need does not exist (admission rejects
 * the pod, or the kubelet cannot create its containers). A Secret made at run time by a pod of
 * the install counts as existing once that pod's namespace does.
 */
export function podBlockedBy(
  cluster: ClusterModel,
  workload: KubeObject,
  runtimeSecrets: readonly RuntimeSecret[],
): string | undefined {
  const spec = podSpecOf(workload);
  if (!spec) return undefined;
  const namespace = namespaceOf(workload);
  for (const reference of references(spec)) {
    if (reference.kind === 'PriorityClass') {
      if (!cluster.get('scheduling.k8s.io/v1', 'PriorityClass', '', reference.name))
        return `PriorityClass ${reference.name} does not exist: the pods are rejected`;
      continue;
    }
    if (
      reference.kind === 'Secret' &&
      runtimeSecrets.some((s) => s.namespace === namespace && s.name === reference.name)
    )
      continue;
    if (!cluster.get('v1', reference.kind, namespace, reference.name))
      return `${reference.kind} ${namespace}/${reference.name} does not exist: ${kindOf(workload)} ${nameOf(workload)}'s pods cannot start`;
  }
  return undefined;
}
