// The constants and small types of gitops-engine pkg/sync/common/types.go (Argo CD 3.5.1).

export const annotationSyncOptions = 'argocd.argoproj.io/sync-options';
export const annotationSyncWave = 'argocd.argoproj.io/sync-wave';
export const annotationKeyHook = 'argocd.argoproj.io/hook';
export const annotationKeyHookDeletePolicy = 'argocd.argoproj.io/hook-delete-policy';
/** pkg/sync/hook/hook.go, HookFinalizer. */
export const hookFinalizer = 'argocd.argoproj.io/hook-finalizer';

export const syncOptionSkipDryRunOnMissingResource = 'SkipDryRunOnMissingResource=true';
export const syncOptionPruneLast = 'PruneLast=true';
export const syncOptionCreateNamespace = 'CreateNamespace=true';
export const syncOptionPrune = 'Prune';
export const syncOptionDelete = 'Delete';
export const syncValueFalse = 'false';
export const syncValueConfirm = 'confirm';

export type SyncPhase = 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail';
export type HookType = SyncPhase | 'Skip';
export type HookDeletePolicy = 'HookSucceeded' | 'HookFailed' | 'BeforeHookCreation';
export type OperationPhase = '' | 'Running' | 'Terminating' | 'Failed' | 'Error' | 'Succeeded';
export type ResultCode = '' | 'Synced' | 'SyncFailed' | 'Pruned' | 'PruneSkipped';

const hookTypes: readonly string[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'Skip'];
const deletePolicies: readonly string[] = ['HookSucceeded', 'HookFailed', 'BeforeHookCreation'];

/** types.go, NewHookType. */
export const isHookType = (text: string): text is HookType => hookTypes.includes(text);
/** types.go, NewHookDeletePolicy. */
export const isHookDeletePolicy = (text: string): text is HookDeletePolicy =>
  deletePolicies.includes(text);

/** types.go, OperationPhase.Completed / Running / Successful. */
export const phaseCompleted = (phase: OperationPhase): boolean =>
  phase === 'Failed' || phase === 'Error' || phase === 'Succeeded';
export const phaseRunning = (phase: OperationPhase): boolean =>
  phase === 'Running' || phase === 'Terminating';
export const phaseSuccessful = (phase: OperationPhase): boolean => phase === 'Succeeded';
