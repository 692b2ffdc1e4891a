/**
 * How the CI cluster is used over a week: what the capacity planner prices (`gitops capacity`
 * reports the cost per working day under this profile) and what the warm headroom follows (its
 * CapacityBuffers hold capacity only in working hours). The peak itself is `peakLoad`.
 */
/** The file that declares the profile, for error messages. */
export const loadProfileFile = 'libs/config/src/ci-jobs/load-profile.ts';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface LoadProfile {
  /** Days with working-hours load; other days are priced at zero (nodes go 5 minutes after the last job). */
  workingDays: readonly Weekday[];
  /** Whole UTC hours, `start` inclusive, `end` exclusive: the working day. */
  workingHours: { start: number; end: number };
  /** Merge-request pipelines that start per working hour, on average. */
  pipelinesPerHour: number;
  /**
   * How long one pipeline's burst (`peakLoad.concurrentJobsPerPipeline` jobs) holds its nodes,
   * in minutes: with `pipelinesPerHour` it gives the pipelines running at once on an ordinary
   * working hour.
   */
  pipelineMinutes: number;
  /** Share of the working hours spent at the peak (`peakLoad.concurrentPipelines` at once). */
  peakShare: number;
}

export const loadProfile: LoadProfile = {
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workingHours: { start: 7, end: 19 },
  pipelinesPerHour: 6,
  pipelineMinutes: 20,
  peakShare: 0.1,
};

/**
 * Capacity kept warm in working hours so a pipeline that starts on an idle cluster does not wait
 * for Karpenter to launch nodes (about a minute): room for `pipelines` pipelines' bursts, split
 * over the pools like the peak, as Karpenter CapacityBuffers (apps/karpenter/src/warm-capacity).
 * `pipelines: 0` switches the headroom off (the buffers stay, at zero replicas).
 */
export interface WarmHeadroom {
  pipelines: number;
}

export const warmHeadroom: WarmHeadroom = { pipelines: 1 };

const weekOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Cron's day-of-week field for the working days, runs of days as ranges (`mon-fri`, `mon,wed`). */
export function cronWorkingDays(days: readonly Weekday[]): string {
  const sorted = weekOrder.filter((day) => days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && weekOrder.indexOf(day) === weekOrder.indexOf(run.at(-1)!) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}-${run.at(-1)}` : run.join(','))).join(',');
}

/**
 * The working hours as cron schedules (UTC, as Kubernetes CronJobs and Karpenter budgets read
 * them without a time zone): when they start, every hour within them, and when they end.
 */
export function workingHoursSchedules(profile: LoadProfile): {
  start: string;
  everyHour: string;
  end: string;
  duration: string;
} {
  const days = cronWorkingDays(profile.workingDays);
  const { start, end } = profile.workingHours;
  return {
    start: `0 ${start} * * ${days}`,
    everyHour: `0 ${start}-${end - 1} * * ${days}`,
    end: `0 ${end % 24} * * ${days}`,
    duration: `${end - start}h`,
  };
}
