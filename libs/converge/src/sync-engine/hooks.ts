import { annotationCSVs, annotationsOf, atoi, type KubeObject } from '../kube/kube-object';
import {
  annotationKeyHook,
  annotationKeyHookDeletePolicy,
  annotationSyncWave,
  isHookDeletePolicy,
  isHookType,
  type HookDeletePolicy,
  type HookType,
  type SyncPhase,
} from './sync-common';

// Helm hook annotations as Argo CD reads them (pkg/sync/hook/helm/type.go, delete_policy.go).
const helmHookTypes: Record<string, HookType> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-upgrade': 'PostSync',
  'post-install': 'PostSync',
};
const helmDeletePolicies: Record<string, HookDeletePolicy> = {
  'before-hook-creation': 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
};

/** pkg/sync/hook/hook.go, Types: Argo CD hook types, or Helm's when there are none. */
export function hookTypesOf(object: KubeObject): HookType[] {
  const types = annotationCSVs(object, annotationKeyHook).filter(isHookType);
  if (types.length > 0) return types;
  return annotationCSVs(object, 'helm.sh/hook').flatMap((text) =>
    helmHookTypes[text] ? [helmHookTypes[text]!] : [],
  );
}

/** hook.go, Skip: the only hook type is `Skip`. */
export function isSkipped(object: KubeObject): boolean {
  const types = hookTypesOf(object);
  return types.includes('Skip') && types.length === 1;
}

/** hook.go, IsHook (and helm/hook.go, IsHook: `crd-install` is not a hook). */
export function isHook(object: KubeObject): boolean {
  const annotations = annotationsOf(object);
  if (annotationKeyHook in annotations) return !isSkipped(object);
  const helm = annotations['helm.sh/hook'];
  return helm !== undefined && helm !== 'crd-install';
}

/** pkg/sync/hook/delete_policy.go, DeletePolicies (BeforeHookCreation when none is set). */
export function hookDeletePolicies(object: KubeObject): HookDeletePolicy[] {
  const policies: HookDeletePolicy[] = annotationCSVs(object, annotationKeyHookDeletePolicy).filter(
    isHookDeletePolicy,
  );
  for (const text of annotationCSVs(object, 'helm.sh/hook-delete-policy')) {
    if (helmDeletePolicies[text]) policies.push(helmDeletePolicies[text]!);
  }
  return policies.length > 0 ? policies : ['BeforeHookCreation'];
}

/**
 * pkg/sync/syncwaves/waves.go, Wave: the sync-wave annotation, else the Helm hook weight
 * (hook/helm/weight.go), else 0.
 */
export function syncWaveOf(object: KubeObject): number {
  const annotations = annotationsOf(object);
  let wave = waves.get(annotations);
  if (wave === undefined) {
    wave = atoi(annotations[annotationSyncWave]) ?? atoi(annotations['helm.sh/hook-weight']) ?? 0;
    waves.set(annotations, wave);
  }
  return wave;
}
/** Sorting reads a task's wave many times: memoised per annotations object (never mutated). */
const waves = new WeakMap<Record<string, string>, number>();

/**
 * pkg/sync/sync_phase.go, syncPhases: a skipped object has none, a hook has its hook types'
 * phases (one task per phase), anything else the Sync phase.
 */
export function syncPhasesOf(object: KubeObject): SyncPhase[] {
  if (isSkipped(object)) return [];
  if (isHook(object)) {
    const phases = new Set<SyncPhase>();
    for (const type of hookTypesOf(object)) if (type !== 'Skip') phases.add(type);
    return [...phases];
  }
  return ['Sync'];
}
