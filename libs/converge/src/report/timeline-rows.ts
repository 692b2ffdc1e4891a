import type { ClusterVerdict, TimelineEntry } from '../simulation/converge-result';

/** One row of a cluster's timeline: a parent wave and what its Applications did. */
export interface TimelineRow {
  /** `bootstrap step 1`, or `argocd-root wave -30`. */
  wave: string;
  applications: string[];
  objects: number;
  firstStep: number;
  /** Undefined while something in the wave never finished. */
  doneStep?: number;
  /** What the wave waited for last (the sync engine's "waiting for …"). */
  waitedFor?: string;
  failed?: string;
  /** Sample of what it applied. */
  applied: string[];
}

/** The timeline grouped by the parent wave that created each Application. */
export function timelineRows(cluster: ClusterVerdict): TimelineRow[] {
  const rows = new Map<string, TimelineRow>();
  for (const entry of cluster.timeline) {
    const row = rows.get(entry.parentWave) ?? newRow(entry);
    rows.set(entry.parentWave, row);
    const { record } = entry;
    if (!row.applications.includes(record.application) && record.application !== entry.parentWave)
      row.applications.push(record.application);
    row.objects += record.objects.length;
    row.firstStep = Math.min(row.firstStep, record.appliedAt);
    const done =
      record.doneAt === undefined
        ? undefined
        : Math.max(record.doneAt, entry.healthyAt ?? record.doneAt);
    if (done === undefined) row.doneStep = undefined;
    else if (row.doneStep !== undefined) row.doneStep = Math.max(row.doneStep, done);
    if (record.waitedFor) row.waitedFor = `${record.application}: ${record.waitedFor}`;
    if (record.failed) row.failed = `${record.application}: ${record.failed}`;
    for (const object of record.objects) if (row.applied.length < 3) row.applied.push(object.label);
  }
  return [...rows.values()];
}

function newRow(entry: TimelineEntry): TimelineRow {
  return {
    wave: entry.parentWave,
    applications: [],
    objects: 0,
    firstStep: entry.record.appliedAt,
    doneStep: entry.record.doneAt ?? entry.record.appliedAt,
    applied: [],
  };
}
