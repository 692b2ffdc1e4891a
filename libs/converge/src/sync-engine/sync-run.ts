import type { SyncContext } from './sync-context';
import { isPruningDisabled, requiresPruneConfirmation } from './sync-context';
import { hookFinalizer, type OperationPhase, type ResultCode } from './sync-common';
import type { SyncTask } from './sync-task';

/** sync_context.go, runState. */
export type RunState = 'successful' | 'pending' | 'failed';

/** sync_context.go, operationPhases: the phase a task is in after its apply or prune. */
const operationPhases: Record<string, OperationPhase> = {
  Synced: 'Running',
  SyncFailed: 'Failed',
  Pruned: 'Succeeded',
  PruneSkipped: 'Succeeded',
};

/**
 * sync_context.go, runTasks: prunes first, then deletes hooks that must be recreated, then
 * applies the rest one kind after another (the kinds in their sorted order).
 */
export function runTasks(context: SyncContext, tasks: SyncTask[], dryRun: boolean): RunState {
  const dry = dryRun || Boolean(context.options.dryRun);
  if (!dry) {
    for (const task of tasks.filter((t) => t.isHook() && t.pending() && t.liveObj)) {
      if (!(task.liveObj!.metadata?.finalizers ?? []).includes(hookFinalizer)) continue;
      const result = context.cluster.update?.(task);
      if (result && !result.ok) {
        context.setResourceResult(
          task,
          task.syncStatus,
          'Error',
          `failed to remove hook finalizer: ${result.message}`,
        );
        return 'failed';
      }
    }
  }
  const pruneTasks = tasks.filter((t) => t.isPrune());
  const createTasks = tasks.filter((t) => !t.isPrune());
  let state = runPrunes(context, pruneTasks, dry);
  if (state !== 'successful') return state;
  state = deleteBeforeCreation(context, createTasks, dry);
  if (state !== 'successful') return state;
  let group: SyncTask[] = [];
  for (const task of createTasks) {
    if (group.length > 0 && group[0]!.targetObj!.kind !== task.kind()) {
      state = worse(state, processCreateTasks(context, group, dry));
      group = [task];
    } else group.push(task);
  }
  if (group.length > 0) state = worse(state, processCreateTasks(context, group, dry));
  return state;
}

/** stateSync.Wait: failed is terminal, pending only moves to failed. */
function worse(current: RunState, next: RunState): RunState {
  if (current === 'failed' || next === 'failed') return 'failed';
  return current === 'pending' || next === 'pending' ? 'pending' : 'successful';
}

function runPrunes(context: SyncContext, tasks: SyncTask[], dryRun: boolean): RunState {
  const { pruneConfirmed, defaultPruneOption, prune } = context.options;
  if (
    !pruneConfirmed &&
    tasks.some((t) => requiresPruneConfirmation(t.liveObj, defaultPruneOption))
  )
    return 'pending';
  let state: RunState = 'successful';
  for (const task of tasks) {
    const [result, message] = pruneObject(context, task, Boolean(prune), dryRun);
    if (result === 'SyncFailed') state = 'failed';
    if (!dryRun || context.options.dryRun || result === 'SyncFailed')
      context.setResourceResult(task, result, operationPhases[result]!, message);
  }
  return state;
}

/** sync_context.go, pruneObject. */
function pruneObject(
  context: SyncContext,
  task: SyncTask,
  prune: boolean,
  dryRun: boolean,
): [ResultCode, string] {
  if (!prune) return ['PruneSkipped', 'ignored (requires pruning)'];
  if (isPruningDisabled(task.liveObj, context.options.defaultPruneOption))
    return ['PruneSkipped', 'ignored (no prune)'];
  if (dryRun) return ['Pruned', 'pruned (dry run)'];
  if (!task.liveObj?.metadata?.deletionTimestamp) {
    const result = context.cluster.delete(task);
    if (!result.ok) return ['SyncFailed', result.message];
  }
  return ['Pruned', 'pruned'];
}

function deleteBeforeCreation(context: SyncContext, tasks: SyncTask[], dryRun: boolean): RunState {
  let state: RunState = 'successful';
  for (const task of tasks.filter((t) => t.deleteBeforeCreation())) {
    if (dryRun) continue;
    const result = context.cluster.delete(task);
    if (result.ok) state = worse(state, 'pending');
    else if (result.notFound) task.liveObj = undefined;
    else {
      state = 'failed';
      context.setResourceResult(
        task,
        task.syncStatus,
        'Error',
        `failed to delete resource: ${result.message}`,
      );
    }
  }
  return state;
}

/** sync_context.go, processCreateTasks: applies one kind's tasks. */
function processCreateTasks(context: SyncContext, tasks: SyncTask[], dryRun: boolean): RunState {
  let state: RunState = 'successful';
  for (const task of tasks) {
    if (dryRun && task.skipDryRun) continue;
    const applied = context.cluster.apply(task, dryRun);
    const result: ResultCode = applied.ok ? 'Synced' : 'SyncFailed';
    if (!applied.ok) state = 'failed';
    if (!dryRun || context.options.dryRun || !applied.ok) {
      let phase = operationPhases[result]!;
      if (context.options.dryRun && phase === 'Running') phase = 'Succeeded';
      context.setResourceResult(task, result, phase, applied.message);
    }
  }
  return state;
}
