import type { ChangeCounts, RenderedDiff, ResourceChange } from '../diff/rendered-diff';
import { describeIdentity } from '../resources/rendered-resource';

/** `3 added, 1 removed, 2 changed (1 recreated, 12 chart labels/checksums only)`. */
export function countsText(counts: ChangeCounts): string {
  const extra = [
    counts.recreated && `${counts.recreated} recreated`,
    counts.chartNoiseOnly && `${counts.chartNoiseOnly} chart labels/checksums only`,
  ].filter(Boolean);
  return `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

export function headline(diff: RenderedDiff): string {
  if (diff.changes.length === 0) {
    return `Rendered diff: no resource changes (${diff.totals.unchanged} unchanged)`;
  }
  return `Rendered diff: ${countsText(diff.totals)}; ${diff.totals.unchanged} unchanged`;
}

/** The table columns shared by the terminal and Markdown summaries. */
export const summaryColumns = [
  'cluster',
  'app',
  'added',
  'removed',
  'changed',
  'recreated',
  'chart labels only',
] as const;

export function summaryRows(diff: RenderedDiff): string[][] {
  return diff.apps.map((row) => [
    row.cluster,
    row.app,
    String(row.added),
    String(row.removed),
    String(row.changed),
    String(row.recreated),
    String(row.chartNoiseOnly),
  ]);
}

/** `ci  Deployment observability/agent (apps)`. */
export function resourceRef(change: ResourceChange): string {
  const group = change.identity.group ? ` (${change.identity.group})` : '';
  return `${change.identity.cluster}  ${describeIdentity(change.identity)}${group}`;
}

export const deletions = (diff: RenderedDiff) => diff.changes.filter((c) => c.change === 'removed');
export const recreations = (diff: RenderedDiff) => diff.changes.filter((c) => c.recreates);

/** Changes grouped by `cluster/app`, in summary order. */
export function changesByApp(diff: RenderedDiff): Map<string, ResourceChange[]> {
  const groups = new Map<string, ResourceChange[]>();
  for (const change of diff.changes) {
    const key = `${change.identity.cluster}/${change.origin.app}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return groups;
}
