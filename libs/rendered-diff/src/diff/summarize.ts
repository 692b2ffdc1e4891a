import {
  appKey,
  type AppSummary,
  type ChangeCounts,
  type RenderedDiff,
  type ResourceChange,
} from './rendered-diff';

const emptyCounts = (): ChangeCounts => ({
  added: 0,
  removed: 0,
  changed: 0,
  recreated: 0,
  chartNoiseOnly: 0,
});

function count(counts: ChangeCounts, change: ResourceChange): void {
  counts[change.change]++;
  if (change.recreates) counts.recreated++;
  if (change.chartNoiseOnly) counts.chartNoiseOnly++;
}

/** Counts per cluster and app, and in total. `changes` must already be sorted. */
export function summarize(changes: ResourceChange[], unchanged: number): RenderedDiff {
  const apps = new Map<string, AppSummary>();
  const totals = { ...emptyCounts(), unchanged };
  for (const change of changes) {
    const { cluster } = change.identity;
    const key = appKey(cluster, change.origin.app);
    let row = apps.get(key);
    if (!row) apps.set(key, (row = { cluster, app: change.origin.app, ...emptyCounts() }));
    count(row, change);
    count(totals, change);
  }
  return { changes, apps: [...apps.values()], totals };
}
