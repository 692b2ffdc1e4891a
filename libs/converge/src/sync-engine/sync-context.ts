import { annotationOptionValue, resourceKey, type KubeObject } from '../kube/kube-object';
import type { HealthStatus } from '../health/health-status';
import { buildSyncTasks } from './sync-task-list';
import { runTasks, type RunState } from './sync-run';
import {
  annotationSyncOptions,
  syncOptionPrune,
  syncValueConfirm,
  syncValueFalse,
  type OperationPhase,
  type ResultCode,
  type SyncPhase,
} from './sync-common';
import type { SyncTask } from './sync-task';
import { multiStep, tasksLastPhase, tasksLastWave, tasksPhase, tasksWave } from './sync-tasks';
import type { ReconciledResource, SyncCluster, SyncOptions } from './sync-options';

/** sync_context.go, common.ResourceSyncResult: what a sync did to one object in one phase. */
export interface ResourceSyncResult {
  key: string;
  syncPhase: SyncPhase;
  status: ResultCode;
  hookPhase: OperationPhase;
  message: string;
  hookType: string;
  order: number;
}

/**
 * One sync operation of one Application, advanced one step per `sync()` call, as the application
 * controller advances it on each reconciliation: gitops-engine pkg/sync/sync_context.go
 * (syncContext.Sync) of Argo CD 3.5.1. `resources` and `hooks` are replaced between calls with
 * what the cluster holds then, as the controller rebuilds them.
 */
export class SyncContext {
  resources = new Map<string, ReconciledResource>();
  hooks: KubeObject[] = [];
  phase: OperationPhase = '';
  message = '';
  readonly syncRes = new Map<string, ResourceSyncResult>();

  constructor(
    readonly cluster: SyncCluster,
    readonly options: SyncOptions,
  ) {}

  /** groupResources: keyed by the live object's identity when there is one. */
  setResources(resources: readonly ReconciledResource[]): void {
    this.resources = new Map(resources.map((r) => [resourceKey((r.live ?? r.target)!), r]));
  }

  /** sync_context.go, GetState: results in the order they were first recorded. */
  getState(): { phase: OperationPhase; message: string; resources: ResourceSyncResult[] } {
    const resources = [...this.syncRes.values()].sort((a, b) => a.order - b.order);
    return { phase: this.phase, message: this.message, resources };
  }

  started(): boolean {
    return this.syncRes.size > 0;
  }

  health(object: KubeObject): HealthStatus | undefined {
    return this.options.health?.(object);
  }

  /** sync_context.go, Sync: one step of the operation. */
  sync(): void {
    const built = buildSyncTasks(this);
    if (!built.successful) return this.failInvalidTasks();
    let tasks = built.tasks;
    if (!this.started() && !this.dryRunAll(tasks)) return;
    this.updateRunningTasks(tasks);
    const waiting = tasks.filter((t) => (multiStep(tasks) || t.isHook()) && t.running());
    if (waiting.length > 0) return this.waitFor(waiting);
    const pendingDeletion = tasks.filter(
      (t) => t.pruned() && t.liveObj?.metadata?.deletionTimestamp,
    );
    if (pendingDeletion.length > 0) return this.setRunningPhase(pendingDeletion, true);
    const hooksDoneOk = tasks.filter(
      (t) => t.isHook() && t.liveObj && !t.running() && t.deleteOnPhaseSuccessful(),
    );
    const hooksDoneFailed = tasks.filter(
      (t) => t.isHook() && t.liveObj && !t.running() && t.deleteOnPhaseFailed(),
    );
    const syncFailTasks = tasks.filter((t) => t.phase === 'SyncFail');
    tasks = tasks.filter((t) => t.phase !== 'SyncFail');
    if (tasks.some((t) => t.completed() && !t.successful())) {
      this.deleteHooks(hooksDoneFailed);
      const failed = tasks.filter((t) => t.syncStatus === 'SyncFailed');
      this.executeSyncFailPhase(
        syncFailTasks,
        failed,
        'one or more synchronization tasks completed unsuccessfully',
      );
      return;
    }
    tasks = tasks.filter((t) => t.pending());
    if (tasks.length === 0) {
      this.deleteHooks(hooksDoneOk);
      return this.setOperationPhase('Succeeded', 'successfully synced (no more tasks)');
    }
    this.runNextWave(tasks, syncFailTasks, hooksDoneOk, hooksDoneFailed);
  }

  private failInvalidTasks(): void {
    const messages = [
      ...new Set(
        [...this.syncRes.values()]
          .filter((r) => r.status === 'SyncFailed' && r.message !== '')
          .map((r) => r.message),
      ),
    ].sort();
    const message = 'one or more synchronization tasks are not valid';
    this.setOperationPhase(
      'Failed',
      messages.length > 0 ? `${message}: ${messages.join('; ')}` : message,
    );
  }

  /**
   * The first step's `kubectl apply --dry-run` of every task (after creating the Application's
   * own namespace when CreateNamespace is set). False when the operation failed.
   */
  private dryRunAll(tasks: SyncTask[]): boolean {
    let dryRunTasks = tasks;
    const namespaceTask = tasks.find(
      (t) =>
        t.liveObj === undefined &&
        t.targetObj?.kind === 'Namespace' &&
        (t.targetObj.apiVersion ?? 'v1') === 'v1' &&
        t.targetObj.metadata?.name === this.options.namespace,
    );
    if (namespaceTask) {
      if (runTasks(this, [namespaceTask], false) === 'failed') {
        this.executeSyncFailPhase([], [namespaceTask], 'the namespace failed to apply');
        return false;
      }
      dryRunTasks = tasks.filter((t) => t !== namespaceTask);
    }
    if (runTasks(this, dryRunTasks, true) === 'failed') {
      this.setOperationPhase('Failed', 'one or more objects failed to apply (dry run)');
      return false;
    }
    return true;
  }

  /** The running tasks' results from their live health (hooks: their completion). */
  private updateRunningTasks(tasks: SyncTask[]): void {
    for (const task of tasks.filter((t) => t.running() && t.liveObj !== undefined)) {
      if (task.isHook()) {
        const [phase, message] = this.operationPhaseOf(task.liveObj!);
        this.setResourceResult(task, task.syncStatus, phase, message);
        continue;
      }
      const health = this.health(task.liveObj!);
      if (health === undefined)
        this.setResourceResult(task, task.syncStatus, 'Succeeded', task.message);
      else if (health.status === 'Healthy')
        this.setResourceResult(task, task.syncStatus, 'Succeeded', health.message ?? '');
      else if (health.status === 'Degraded')
        this.setResourceResult(task, task.syncStatus, 'Failed', health.message ?? '');
    }
  }

  /** sync_context.go, getOperationPhase: a hook's completion from its health. */
  operationPhaseOf(object: KubeObject): [OperationPhase, string] {
    const health = this.health(object);
    if (!health) return ['Succeeded', `${object.metadata?.name ?? ''} created`];
    switch (health.status) {
      case 'Unknown':
      case 'Degraded':
        return ['Failed', health.message ?? ''];
      case 'Progressing':
      case 'Suspended':
        return ['Running', health.message ?? ''];
      case 'Healthy':
        return ['Succeeded', health.message ?? ''];
      default:
        return ['Succeeded', `${object.metadata?.name ?? ''} created`];
    }
  }

  /** A running task whose live object vanished fails; then the operation waits. */
  private waitFor(running: SyncTask[]): void {
    for (const task of running) {
      if (task.liveObj !== undefined || this.cluster.get(task) !== undefined) continue;
      this.setResourceResult(
        task,
        'SyncFailed',
        'Error',
        `Resource ${task.group()}/${task.kind()}/${task.name()} is missing, it might have been deleted`,
      );
    }
    this.setRunningPhase(running, false);
  }

  /** Applies the first pending phase and wave (sync_context.go, Sync after "Wet-run"). */
  private runNextWave(
    pending: SyncTask[],
    syncFailTasks: SyncTask[],
    hooksDoneOk: SyncTask[],
    hooksDoneFailed: SyncTask[],
  ): void {
    const phase = tasksPhase(pending);
    const wave = tasksWave(pending);
    const finalWave = phase === tasksLastPhase(pending) && wave === tasksLastWave(pending);
    const tasks = pending.filter((t) => t.phase === phase && t.wave() === wave);
    const remaining = pending.length - tasks.length;
    this.setOperationPhase('Running', 'one or more tasks are running');
    const state = runTasks(this, tasks, false);
    if (this.options.syncWaveHook && state !== 'failed') {
      const error = this.options.syncWaveHook(phase, wave, finalWave);
      if (error !== undefined)
        return this.setOperationPhase('Error', `SyncWaveHook failed: ${error}`);
    }
    this.afterWave(state, tasks, remaining, syncFailTasks, hooksDoneOk, hooksDoneFailed);
  }

  private afterWave(
    state: RunState,
    tasks: SyncTask[],
    remaining: number,
    syncFailTasks: SyncTask[],
    hooksDoneOk: SyncTask[],
    hooksDoneFailed: SyncTask[],
  ): void {
    if (state === 'failed') {
      const failed = tasks.filter((t) => t.syncStatus === 'SyncFailed');
      const runningHooks = tasks.filter((t) => t.running());
      if (runningHooks.length > 0) {
        if (syncFailTasks.length > 0) {
          const completed = this.executeSyncFailPhase(
            syncFailTasks,
            failed,
            'one or more objects failed to apply',
          );
          if (!completed) runningHooks.push(...syncFailTasks);
        }
        return this.setRunningPhase(runningHooks, false);
      }
      if (this.executeSyncFailPhase(syncFailTasks, failed, 'one or more objects failed to apply'))
        this.deleteHooks(hooksDoneFailed);
      return;
    }
    if (state === 'successful') {
      // The last wave without hooks: the operation succeeds even if those objects degrade later.
      if (remaining === 0 && !tasks.some((t) => t.isHook())) {
        this.deleteHooks(hooksDoneOk);
        return this.setOperationPhase('Succeeded', 'successfully synced (all tasks run)');
      }
      return this.setRunningPhase(tasks, false);
    }
    this.setRunningPhase(
      tasks.filter((t) => t.deleteBeforeCreation() || (t.isPrune() && t.pending())),
      true,
    );
  }

  /** sync_context.go, executeSyncFailPhase. True when the operation is now Failed. */
  executeSyncFailPhase(
    syncFailTasks: SyncTask[],
    failedTasks: SyncTask[],
    message: string,
  ): boolean {
    const withReasons = (list: SyncTask[], text: string) => {
      const reasons = [...new Set(list.map((t) => t.message))];
      return reasons.length > 0 ? `${text}, reason: ${reasons.join(',')}` : text;
    };
    let errorMessage = withReasons(failedTasks, message);
    if (syncFailTasks.length === 0) {
      this.setOperationPhase('Failed', errorMessage);
      return true;
    }
    if (syncFailTasks.every((t) => t.completed())) {
      const failedHooks = syncFailTasks.filter((t) => t.syncStatus === 'SyncFailed');
      if (failedHooks.length > 0)
        errorMessage = `${errorMessage}\n${withReasons(failedHooks, 'one or more SyncFail hooks failed')}`;
      this.setOperationPhase('Failed', errorMessage);
      return true;
    }
    const pending = syncFailTasks.filter((t) => !t.completed() && !t.running());
    runTasks(this, pending, false);
    this.setRunningPhase(pending, false);
    return false;
  }

  deleteHooks(hooks: SyncTask[]): void {
    for (const task of hooks) {
      const result = this.cluster.delete(task);
      if (!result.ok && !result.notFound)
        this.setResourceResult(
          task,
          task.syncStatus,
          'Error',
          `failed to delete resource: ${result.message}`,
        );
    }
  }

  /** sync_context.go, setRunningPhase: "waiting for <reason> <group>/<kind>/<name> [and N more]". */
  setRunningPhase(tasks: SyncTask[], pendingDeletion: boolean): void {
    if (tasks.length === 0) return this.setOperationPhase('Running', '');
    const hooks = tasks.filter((t) => t.isHook());
    const resources = tasks.filter((t) => !t.isHook());
    let reason = hooks.length === 0 ? 'healthy state of' : 'completion of hook';
    const taskType = resources.length === 0 ? 'hooks' : 'resources';
    if (pendingDeletion) reason = hooks.length !== 0 ? 'deletion of hook' : 'deletion of';
    let first = hooks[0] ?? resources[0]!;
    let more = tasks.length - 1;
    if (!this.options.pruneConfirmed) {
      const confirm = tasks.filter(
        (t) => t.isPrune() && requiresPruneConfirmation(t.liveObj, this.options.defaultPruneOption),
      );
      if (confirm.length > 0) {
        reason = 'pruning confirmation of';
        first = confirm[0]!;
        more = confirm.length - 1;
      }
    }
    const message = `waiting for ${reason} ${first.group()}/${first.kind()}/${first.name()}`;
    this.setOperationPhase(
      'Running',
      more > 0 ? `${message} and ${more} more ${taskType}` : message,
    );
  }

  setOperationPhase(phase: OperationPhase, message: string): void {
    this.phase = phase;
    this.message = message;
  }

  /** sync_context.go, setResourceResult: the latest status, phase and message of a task. */
  setResourceResult(
    task: SyncTask,
    status: ResultCode,
    phase: OperationPhase,
    message: string,
  ): void {
    task.syncStatus = status;
    task.operationState = phase;
    if (message !== '') task.message = message;
    const key = task.resultKey();
    const existing = this.syncRes.get(key);
    const result: ResourceSyncResult = {
      key: resourceKey(task.obj()),
      syncPhase: task.phase,
      status,
      hookPhase: phase,
      message: task.message,
      hookType: task.isHook() ? task.phase : '',
      order: existing?.order ?? this.syncRes.size + 1,
    };
    this.syncRes.set(key, result);
  }
}

/** sync_context.go, objRequiresPruneConfirmation: `Prune=confirm` on the object or the app. */
export function requiresPruneConfirmation(
  object: KubeObject | undefined,
  defaultPruneOption: string | undefined,
): boolean {
  const value = pruneOptionOf(object) ?? defaultPruneOption;
  return value === syncValueConfirm;
}

/** sync_context.go, isPruningDisabled: `Prune=false` on the object or the app. */
export function isPruningDisabled(
  object: KubeObject | undefined,
  defaultPruneOption: string | undefined,
): boolean {
  return (pruneOptionOf(object) ?? defaultPruneOption) === syncValueFalse;
}

const pruneOptionOf = (object: KubeObject | undefined) =>
  annotationOptionValue(object, annotationSyncOptions, syncOptionPrune);
