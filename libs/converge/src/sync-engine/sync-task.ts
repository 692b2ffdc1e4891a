import {
  groupOf,
  kindOf,
  nameOf,
  namespaceOf,
  resourceKey,
  versionOf,
  type KubeObject,
} from '../kube/kube-object';
import { hookDeletePolicies, isHook, syncWaveOf } from './hooks';
import {
  phaseCompleted,
  phaseRunning,
  phaseSuccessful,
  type HookDeletePolicy,
  type OperationPhase,
  type ResultCode,
  type SyncPhase,
} from './sync-common';

/**
 * One thing a sync does to one object in one phase: create or update it (targetObj set), or
 * prune it (targetObj undefined). gitops-engine pkg/sync/sync_task.go, syncTask.
 */
export class SyncTask {
  skipDryRun = false;
  syncStatus: ResultCode = '';
  operationState: OperationPhase = '';
  message = '';
  waveOverride: number | undefined;

  constructor(
    public phase: SyncPhase,
    public targetObj: KubeObject | undefined,
    public liveObj: KubeObject | undefined,
  ) {}

  /** sync_task.go, obj: the target if there is one, else the live object. */
  obj(): KubeObject {
    return (this.targetObj ?? this.liveObj)!;
  }
  wave(): number {
    return this.waveOverride ?? syncWaveOf(this.obj());
  }
  isHook(): boolean {
    return isHook(this.obj());
  }
  isPrune(): boolean {
    return this.targetObj === undefined;
  }
  group(): string {
    return groupOf(this.obj().apiVersion);
  }
  version(): string {
    return versionOf(this.obj().apiVersion);
  }
  kind(): string {
    return kindOf(this.obj());
  }
  name(): string {
    return nameOf(this.obj());
  }
  namespace(): string {
    return namespaceOf(this.obj());
  }
  /** sync_task.go, resultKey: the resource key and the phase. */
  resultKey(): string {
    return `${resourceKey(this.obj())}:${this.phase}`;
  }
  pending(): boolean {
    return this.operationState === '';
  }
  running(): boolean {
    return phaseRunning(this.operationState);
  }
  completed(): boolean {
    return phaseCompleted(this.operationState);
  }
  successful(): boolean {
    return phaseSuccessful(this.operationState);
  }
  pruned(): boolean {
    return this.syncStatus === 'Pruned';
  }
  hasHookDeletePolicy(policy: HookDeletePolicy): boolean {
    return this.isHook() && hookDeletePolicies(this.obj()).includes(policy);
  }
  deleteBeforeCreation(): boolean {
    return (
      this.liveObj !== undefined && this.pending() && this.hasHookDeletePolicy('BeforeHookCreation')
    );
  }
  deleteOnPhaseSuccessful(): boolean {
    return this.liveObj !== undefined && this.hasHookDeletePolicy('HookSucceeded');
  }
  deleteOnPhaseFailed(): boolean {
    return this.liveObj !== undefined && this.hasHookDeletePolicy('HookFailed');
  }
  /** sync_task.go, String: `phase/wave hook|resource group/kind:namespace/name`. */
  toString(): string {
    return `${this.phase}/${this.wave()} ${this.isHook() ? 'hook' : 'resource'} ${this.group()}/${this.kind()}:${this.namespace()}/${this.name()}`;
  }
}
