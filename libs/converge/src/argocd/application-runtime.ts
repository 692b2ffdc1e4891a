import type { HealthStatus } from '../health/health-status';
import type { RenderedObject } from '../input/rendered-objects';
import type { KubeObject } from '../kube/kube-object';
import type { OperationPhase, SyncPhase } from '../sync-engine/sync-common';
import type { SyncContext } from '../sync-engine/sync-context';

/** One wave of one Application's sync: what it applied, what it waited for, when it was done. */
export interface WaveRecord {
  application: string;
  cluster: string;
  phase: SyncPhase;
  wave: number;
  /** Sync attempt (1 for the first, then each retry). */
  attempt: number;
  appliedAt: number;
  doneAt?: number;
  objects: { label: string; file?: string }[];
  waitedFor?: string;
  failed?: string;
}

/** A sync operation in progress or finished (Application status.operationState). */
export interface OperationState {
  context: SyncContext;
  phase: OperationPhase;
  message: string;
  retryCount: number;
  /** Step at which a failed attempt is retried (phase Running meanwhile). */
  retryAt?: number;
  attempt: number;
  startedAt: number;
  finishedAt?: number;
}

/** Why the controller does not compare or sync an Application. */
export interface ApplicationCondition {
  rule: string;
  message: string;
}

/** The application controller's view of one Application. */
export interface ApplicationRuntime {
  name: string;
  /** The rendered file of the Application. */
  file?: string;
  /** Who created the Application: its parent Application, or the bootstrap. */
  createdBy: string;
  /** The parent's sync wave the Application was created in. */
  createdInWave: string;
  /** The cluster (folder under rendered/) it deploys to, once resolved. */
  cluster?: string;
  targets: RenderedObject[];
  condition?: ApplicationCondition;
  sync: 'Synced' | 'OutOfSync' | 'Unknown';
  health: HealthStatus;
  operation?: OperationState;
  selfHealAttempts: number;
  waves: WaveRecord[];
  /** Step the controller first saw it. */
  createdAt: number;
  /** First step it was Synced and Healthy. */
  healthyAt?: number;
  /** The live object the controller last wrote status to. */
  live?: KubeObject;
}
