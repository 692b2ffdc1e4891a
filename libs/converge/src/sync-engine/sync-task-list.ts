import {
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  hasAnnotationOption,
  type KubeObject,
} from '../kube/kube-object';
import { isHook, syncPhasesOf } from './hooks';
import {
  annotationSyncOptions,
  hookFinalizer,
  syncOptionPruneLast,
  syncOptionSkipDryRunOnMissingResource,
} from './sync-common';
import type { SyncContext } from './sync-context';
import type { ReconciledResource } from './sync-options';
import { SyncTask } from './sync-task';
import { crdGroupKind, sortTasks } from './sync-tasks';

/**
 * sync_context.go, getSyncTasks: every task of the operation, sorted, with the results recorded
 * so far. Not successful when a kind is unknown to the cluster (and not skippable) or not
 * permitted by the project: the operation then fails before anything is applied.
 */
export function buildSyncTasks(context: SyncContext): { tasks: SyncTask[]; successful: boolean } {
  const options = context.options;
  let tasks: SyncTask[] = [];
  for (const { target, live } of context.resources.values()) {
    const object = (target ?? live)!;
    if (isHook(object)) continue;
    for (const phase of syncPhasesOf(object)) tasks.push(new SyncTask(phase, target, live));
  }
  if (!options.skipHooks) tasks.push(...hookTasks(context));
  for (const task of tasks) {
    if (task.targetObj && namespaceOf(task.targetObj) === '') {
      task.targetObj = withNamespace(task.targetObj, options.namespace);
    }
  }
  if (options.namespaceModifier && options.namespace) tasks = autoCreateNamespace(context, tasks);
  const byName = resourcesByGroupKindName(context);
  for (const task of tasks) {
    if (task.targetObj && !task.liveObj) task.liveObj = liveObjectOf(byName, task.targetObj);
  }
  const successful = checkPermissions(context, tasks);
  reverseWavesOfPruneTasks(tasks);
  pruneLast(context, tasks);
  sortTasks(tasks);
  for (const task of tasks) {
    const result = context.syncRes.get(task.resultKey());
    if (result) {
      task.syncStatus = result.status;
      task.operationState = result.hookPhase;
      task.message = result.message;
    }
  }
  return { tasks, successful };
}

function withNamespace(object: KubeObject, namespace: string): KubeObject {
  return { ...object, metadata: { ...object.metadata, namespace } };
}

/** Hook tasks: a hook without a name gets `<generateName><revision>-<phase>-<startedAt>`. */
function hookTasks(context: SyncContext): SyncTask[] {
  const { revision = '', startedAt = 0 } = context.options;
  return context.hooks.flatMap((hook) =>
    syncPhasesOf(hook).map((phase) => {
      const target: KubeObject = structuredClone(hook);
      target.metadata ??= {};
      if (!nameOf(target)) {
        const postfix = `${revision.length >= 8 ? revision.slice(0, 7) : revision}-${phase}-${startedAt}`;
        target.metadata.name = `${target.metadata.generateName ?? ''}${postfix.toLowerCase()}`;
      }
      if (!(target.metadata.finalizers ?? []).includes(hookFinalizer))
        target.metadata.finalizers = [...(target.metadata.finalizers ?? []), hookFinalizer];
      return new SyncTask(phase, target, undefined);
    }),
  );
}

/** sync_context.go, autoCreateNamespace: a PreSync task for the destination namespace. */
function autoCreateNamespace(context: SyncContext, tasks: SyncTask[]): SyncTask[] {
  const name = context.options.namespace;
  const declared = [...context.resources.values()].some(
    (r) =>
      r.target &&
      kindOf(r.target) === 'Namespace' &&
      groupOf(r.target.apiVersion) === '' &&
      nameOf(r.target) === name,
  );
  if (declared) return tasks;
  const managed: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  const live = context.options.liveNamespace?.(name);
  if (context.options.namespaceModifier!(managed, live))
    tasks.push(new SyncTask('PreSync', managed, live));
  return tasks;
}

/** The managed resources by group, kind and name (sync_context.go's liveObj scans them all). */
function resourcesByGroupKindName(context: SyncContext): Map<string, ReconciledResource[]> {
  const index = new Map<string, ReconciledResource[]>();
  for (const resource of context.resources.values()) {
    const object = (resource.live ?? resource.target)!;
    const key = `${groupOf(object.apiVersion)}/${kindOf(object)}/${nameOf(object)}`;
    const list = index.get(key);
    if (list) list.push(resource);
    else index.set(key, [resource]);
  }
  return index;
}

/** sync_context.go, liveObj: a cluster-scoped key matches whatever namespace the target has. */
function liveObjectOf(
  index: Map<string, ReconciledResource[]>,
  target: KubeObject,
): KubeObject | undefined {
  const candidates =
    index.get(`${groupOf(target.apiVersion)}/${kindOf(target)}/${nameOf(target)}`) ?? [];
  for (const resource of candidates) {
    const object = (resource.live ?? resource.target)!;
    if (namespaceOf(object) === '' || namespaceOf(object) === namespaceOf(target))
      return resource.live;
  }
  return undefined;
}

/**
 * Discovery and the project's permissions for every task (getSyncTasks, "check permissions"): an
 * unknown kind is skipped in the dry run when its CRD is part of this sync or
 * SkipDryRunOnMissingResource is set, and otherwise fails the task.
 */
function checkPermissions(context: SyncContext, tasks: SyncTask[]): boolean {
  let successful = true;
  const targets = [
    ...context.hooks,
    ...[...context.resources.values()].flatMap((r) => (r.target ? [r.target] : [])),
  ];
  const crdsInSync = new Set(targets.flatMap((o) => crdGroupKind(o) ?? []));
  for (const task of tasks) {
    const server = context.cluster.serverResource(task.obj().apiVersion ?? '', task.kind());
    if (!server.found) {
      const skippable =
        context.options.skipDryRunOnMissingResource ||
        (task.targetObj !== undefined &&
          hasAnnotationOption(
            task.targetObj,
            annotationSyncOptions,
            syncOptionSkipDryRunOnMissingResource,
          )) ||
        crdsInSync.has(`${task.group()}/${task.kind()}`);
      if (server.notFound && skippable) task.skipDryRun = true;
      else {
        context.setResourceResult(task, 'SyncFailed', '', server.message);
        successful = false;
      }
      continue;
    }
    const denied = context.options.permissionValidator?.(task.obj(), server.namespaced);
    if (denied !== undefined) {
      context.setResourceResult(task, 'SyncFailed', '', denied);
      successful = false;
    }
  }
  return successful;
}

/** getSyncTasks: prune tasks run in the reverse order of the waves that created them. */
function reverseWavesOfPruneTasks(tasks: SyncTask[]): void {
  const byWave = new Map<number, SyncTask[]>();
  for (const task of tasks.filter((t) => t.isPrune())) {
    byWave.set(task.wave(), [...(byWave.get(task.wave()) ?? []), task]);
  }
  const waves = [...byWave.keys()].sort((a, b) => a - b);
  for (let i = 0; i < Math.floor(waves.length / 2); i++) {
    const start = waves[i]!;
    const end = waves[waves.length - 1 - i]!;
    for (const task of byWave.get(start)!) task.waveOverride = end;
    for (const task of byWave.get(end)!) task.waveOverride = start;
  }
}

/** getSyncTasks: with PruneLast, prune tasks go one wave after the last Sync-phase wave. */
function pruneLast(context: SyncContext, tasks: SyncTask[]): void {
  let lastWave = 0;
  for (const task of tasks)
    if (task.phase === 'Sync' && task.wave() > lastWave) lastWave = task.wave();
  lastWave += 1;
  for (const task of tasks) {
    if (
      task.isPrune() &&
      (context.options.pruneLast ||
        hasAnnotationOption(task.liveObj, annotationSyncOptions, syncOptionPruneLast))
    )
      task.waveOverride = lastWave;
  }
}
