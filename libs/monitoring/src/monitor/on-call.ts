import type { MonitorPriority } from './datadog-monitor';

/** The team that owns the CI platform's monitors, and where it is reached. */
export const platformTeam = {
  name: 'ci-platform',
  /** Pages the on-call engineer. */
  pager: '@pagerduty-ci-platform',
  /** The team's alert channel; every notification also lands here. */
  channel: '@slack-ci-platform-alerts',
} as const;

/** P1 and P2 page the on-call engineer; everything goes to the team channel. */
export function notifyFor(priority: MonitorPriority): string[] {
  return priority <= 2 ? [platformTeam.pager, platformTeam.channel] : [platformTeam.channel];
}
