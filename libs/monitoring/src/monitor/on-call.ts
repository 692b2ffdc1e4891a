import type { MonitorNotification, MonitorPriority } from './datadog-monitor';

/** The team that owns the CI platform's monitors, and where it is reached. */
export const platformTeam = {
  name: 'ci-platform',
  /** Pages the on-call engineer. */
  pager: '@pagerduty-ci-platform',
  /** The team's alert channel; every notification also lands here. */
  channel: '@slack-ci-platform-alerts',
} as const;

/** P1 and P2 alerts page the on-call engineer; warnings and everything else go to the channel. */
export function notifyFor(priority: MonitorPriority): MonitorNotification {
  return {
    alert: priority <= 2 ? [platformTeam.pager, platformTeam.channel] : [platformTeam.channel],
    warning: [platformTeam.channel],
  };
}
