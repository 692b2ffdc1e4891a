import type { HealthStatus } from '../health/health-status';
import type { KubeObject } from '../kube/kube-object';
import type { SyncTask } from './sync-task';

/** What discovery says about a kind (kube.ServerResourceForGroupVersionKind). */
export type ServerResource =
  | { found: true; namespaced: boolean }
  | { found: false; notFound: boolean; message: string };

/** The outcome of an apply, delete or get against the destination cluster. */
export interface ClusterResult {
  ok: boolean;
  message: string;
  /** The object was not there (apierrors.IsNotFound). */
  notFound?: boolean;
}

/**
 * The cluster a sync runs against: the parts of discovery, the dynamic client and kubectl that
 * sync_context.go calls. The simulation implements it over its cluster model; the ported upstream
 * tests implement it with the fakes their Go originals use.
 */
export interface SyncCluster {
  serverResource(apiVersion: string, kind: string): ServerResource;
  /** sync_context.go, applyObject (client dry-run when dryRun). */
  apply(task: SyncTask, dryRun: boolean): ClusterResult;
  /** sync_context.go, deleteResource / pruneObject's delete. */
  delete(task: SyncTask): ClusterResult;
  /** sync_context.go, getResource. */
  get(task: SyncTask): KubeObject | undefined;
  /** sync_context.go, updateResource (a hook's finalizer removed). */
  update?(task: SyncTask): ClusterResult;
}

/** The SyncOpt settings of gitops-engine pkg/sync/sync_context.go this port honours. */
export interface SyncOptions {
  /** The Application's destination namespace (sc.namespace). */
  namespace: string;
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
  skipHooks?: boolean;
  pruneLast?: boolean;
  pruneConfirmed?: boolean;
  /** The Application-level `Prune=` option (WithDefaultPruneOption). */
  defaultPruneOption?: string;
  skipDryRunOnMissingResource?: boolean;
  /** WithHealthOverride plus the built-in checks: health.GetResourceHealth. */
  health?: (object: KubeObject) => HealthStatus | undefined;
  /** WithPermissionValidator: an error message, or undefined when permitted. */
  permissionValidator?: (object: KubeObject, namespaced: boolean) => string | undefined;
  /**
   * WithNamespaceModifier (CreateNamespace=true): whether the managed namespace needs an apply,
   * given the namespace object and its live copy.
   */
  namespaceModifier?: (managed: KubeObject, live: KubeObject | undefined) => boolean;
  /** The live Namespace of `namespace`, for the namespace modifier (kubectl.GetResource). */
  liveNamespace?: (name: string) => KubeObject | undefined;
  /** WithSyncWaveHook: called after each wave is applied. */
  syncWaveHook?: (phase: string, wave: number, final: boolean) => string | undefined;
  /** Seconds since the epoch the operation started at, for generated hook names. */
  startedAt?: number;
}

/** A managed object: its target (from Git) and live (from the cluster) versions. */
export interface ReconciledResource {
  target: KubeObject | undefined;
  live: KubeObject | undefined;
}
