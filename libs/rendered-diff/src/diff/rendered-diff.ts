import type { FieldChange } from '../fields/field-change';
import type { ResourceIdentity, ResourceOrigin } from '../resources/rendered-resource';

/** A field change, with why it forces a recreate and whether it is chart version noise. */
export interface ResourceFieldChange extends FieldChange {
  /** Set when the API server refuses this change in place. */
  recreate?: string;
  /** A chart version label or checksum annotation (see chart-noise.ts). */
  chartNoise?: boolean;
}

export type ResourceChangeKind = 'added' | 'removed' | 'changed';

export interface ResourceChange {
  change: ResourceChangeKind;
  identity: ResourceIdentity;
  /** Working-tree origin; the base origin for a removal. */
  origin: ResourceOrigin;
  /** Set when the file moved (not a change in itself). */
  movedFrom?: string;
  /** Field changes (changed only). */
  fields: ResourceFieldChange[];
  /** Some field change forces a delete-and-create. */
  recreates: boolean;
  /** Only chart version labels or checksums changed. */
  chartNoiseOnly: boolean;
  /** For a removal: what the prune takes with it. */
  impact?: string;
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
  recreated: number;
  chartNoiseOnly: number;
}

export interface AppSummary extends ChangeCounts {
  cluster: string;
  app: string;
}

export interface RenderedDiff {
  /** Sorted by cluster, app, kind, namespace, name. */
  changes: ResourceChange[];
  /** One row per cluster and app with any change, sorted. */
  apps: AppSummary[];
  totals: ChangeCounts & { unchanged: number };
}

/** `ci/observability`: how apps are named in summaries. */
export const appKey = (cluster: string, app: string) => `${cluster}/${app}`;
