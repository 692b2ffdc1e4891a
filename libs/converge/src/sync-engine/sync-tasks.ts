import { groupOf, kindOf, nameOf, namespaceOf, type KubeObject } from '../kube/kube-object';
import type { SyncPhase } from './sync-common';
import type { SyncTask } from './sync-task';

// gitops-engine pkg/sync/sync_tasks.go (Argo CD 3.5.1): the order in which a sync runs tasks.

/** sync_tasks.go, syncPhaseOrder. */
const syncPhaseOrder: Record<SyncPhase, number> = {
  PreSync: -1,
  Sync: 0,
  PostSync: 1,
  SyncFail: 2,
};

/**
 * sync_tasks.go, kindOrder (Helm's kind_sorter): each listed kind gets `index - length`, so all
 * are negative and a kind not listed (every custom resource) sorts last, at 0.
 */
const orderedKinds = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];
const kindRank = new Map(orderedKinds.map((kind, index) => [kind, index - orderedKinds.length]));

/** sync_tasks.go, kindOrder lookup: 0 for a kind it does not list. */
export function kindOrder(kind: string): number {
  return kindRank.get(kind) ?? 0;
}

/** sync_tasks.go, syncTasks.Less: phase, then wave, then kind, then name. */
export function compareTasks(a: SyncTask, b: SyncTask): number {
  return (
    syncPhaseOrder[a.phase] - syncPhaseOrder[b.phase] ||
    a.wave() - b.wave() ||
    kindOrder(kindOf(a.obj())) - kindOrder(kindOf(b.obj())) ||
    (nameOf(a.obj()) < nameOf(b.obj()) ? -1 : nameOf(a.obj()) > nameOf(b.obj()) ? 1 : 0)
  );
}

/**
 * sync_tasks.go, syncTasks.Sort: sorted, then each Namespace moved before the first task in it
 * and each CRD before the first custom resource of its kind, taking that task's phase and wave.
 * Go's sort.Sort is not stable; tasks that compare equal here keep their input order.
 */
export function sortTasks(tasks: SyncTask[]): void {
  tasks.sort(compareTasks);
  adjustDependencies(
    tasks,
    (o) => (kindOf(o) === 'Namespace' && groupOf(o.apiVersion) === '' ? nameOf(o) : undefined),
    (o) => namespaceOf(o) || undefined,
  );
  adjustDependencies(tasks, crdGroupKind, (o) => `${groupOf(o.apiVersion)}/${kindOf(o)}`);
}

/** `group/Kind` a CRD defines (kube.IsCRD and its spec.group, spec.names.kind). */
export function crdGroupKind(object: KubeObject): string | undefined {
  if (!isCrd(object)) return undefined;
  const group = object.spec?.group;
  const kind = object.spec?.names?.kind;
  return typeof group === 'string' && typeof kind === 'string' ? `${group}/${kind}` : undefined;
}

/** gitops-engine pkg/utils/kube, IsCRD. */
export function isCrd(object: KubeObject): boolean {
  return (
    kindOf(object) === 'CustomResourceDefinition' &&
    groupOf(object.apiVersion) === 'apiextensions.k8s.io'
  );
}

/** sync_tasks.go, syncTasks.adjustDeps. */
function adjustDependencies(
  tasks: SyncTask[],
  isDependency: (object: KubeObject) => string | undefined,
  referencedDependency: (object: KubeObject) => string | undefined,
): void {
  const firstIndexByKey = new Map<string, number>();
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    if (!task.targetObj) continue;
    const dependency = isDependency(task.targetObj);
    if (dependency !== undefined) {
      const index = firstIndexByKey.get(dependency);
      if (index === undefined) continue;
      task.waveOverride = tasks[index]!.wave();
      task.phase = tasks[index]!.phase;
      for (let j = i; j > index; j--) tasks[j] = tasks[j - 1]!;
      tasks[index] = task;
      for (const [key, first] of firstIndexByKey)
        if (first >= index) firstIndexByKey.set(key, first + 1);
    } else {
      const reference = referencedDependency(task.targetObj);
      if (reference !== undefined && !firstIndexByKey.has(reference))
        firstIndexByKey.set(reference, i);
    }
  }
}

/** sync_tasks.go, phase/wave/lastPhase/lastWave/multiStep of a sorted task list. */
export const tasksPhase = (tasks: readonly SyncTask[]): SyncPhase | '' => tasks[0]?.phase ?? '';
export const tasksWave = (tasks: readonly SyncTask[]): number => tasks[0]?.wave() ?? 0;
export const tasksLastPhase = (tasks: readonly SyncTask[]): SyncPhase | '' =>
  tasks[tasks.length - 1]?.phase ?? '';
export const tasksLastWave = (tasks: readonly SyncTask[]): number =>
  tasks[tasks.length - 1]?.wave() ?? 0;
export function multiStep(tasks: readonly SyncTask[]): boolean {
  return tasksWave(tasks) !== tasksLastWave(tasks) || tasksPhase(tasks) !== tasksLastPhase(tasks);
}
