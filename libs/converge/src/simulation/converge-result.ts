import type { WaveRecord } from '../argocd/application-runtime';

/** Where and why a cluster stops converging (the JSON `stuck` object). */
export interface StuckPoint {
  application: string;
  /** The sync wave of the application the block is in (`bootstrap` for a bootstrap step). */
  wave: string;
  /** `Kind/namespace/name` of the resource it waits on. */
  resource: string;
  /** The file under rendered/ that holds the resource (or the Application), when there is one. */
  file: string;
  /** The component source the file was rendered from, when known. */
  component?: string;
  reason: string;
  /** Stable id of the modelled rule that blocks (see the library README). */
  rule: string;
  /** Simulation step at which it was found. */
  step: number;
}

/** A warning about a cluster: what deleting an Application would cascade to, or a later block. */
export interface ConvergeWarning {
  rule: string;
  message: string;
  file?: string;
}

/** One wave of a cluster's timeline: an Application's wave, or a bootstrap step. */
export interface TimelineEntry {
  /** The root's (or parent's) wave that created the Application, or `bootstrap`. */
  parentWave: string;
  record: WaveRecord;
  /** First step the Application was Synced and Healthy (what its parent's wave waits for). */
  healthyAt?: number;
}

export interface ClusterVerdict {
  name: string;
  converged: boolean;
  /** Waves it took (bootstrap steps plus the parent waves that delivered its Applications). */
  waves: number;
  stuck: StuckPoint | null;
  warnings: ConvergeWarning[];
  timeline: TimelineEntry[];
  /** Steps at which the cluster was done, when it converged. */
  convergedAt?: number;
}

/** The whole replay: a verdict per cluster, every block found, the assumptions it made. */
export interface ConvergeResult {
  clusters: ClusterVerdict[];
  /** Every block found, in order; each after the first assumes the earlier ones resolved. */
  blocks: StuckPoint[];
  assumptions: string[];
  steps: number;
}
