import type { GitRepository } from '@platform/config';
import { runbookPath, runbookUrl } from '../runbook/runbook-location';
import { queryTerms, renderQuery, type MetricQuery, type MetricTerm } from './monitor-query';

/**
 * The `DatadogMonitor` custom resource (datadoghq.com/v1alpha1) as the Datadog Operator 1.29.0
 * CRD defines it (datadog-crds 2.23.0), limited to the fields this platform sets. Thresholds are
 * strings in the CRD.
 */
export interface DatadogMonitorResource {
  apiVersion: 'datadoghq.com/v1alpha1';
  kind: 'DatadogMonitor';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: {
    name: string;
    type: 'query alert';
    query: string;
    message: string;
    priority: MonitorPriority;
    tags: string[];
    options: {
      thresholds: Partial<Record<ThresholdName, string>>;
      evaluationDelay?: number;
      includeTags: boolean;
      notifyNoData: boolean;
      noDataTimeframe?: number;
      renotifyInterval?: number;
      requireFullWindow: boolean;
    };
  };
}

/** 1 = wake someone up … 5 = look at it this week. */
export type MonitorPriority = 1 | 2 | 3 | 4 | 5;
type ThresholdName = 'critical' | 'warning' | 'criticalRecovery' | 'warningRecovery';

export interface MonitorNotification {
  /** Told when the monitor alerts and when it recovers. */
  alert: readonly string[];
  /** Told when it crosses the warning threshold (usually not the pager). */
  warning: readonly string[];
}

export interface MonitorDefinition {
  /** Kubernetes name of the DatadogMonitor (RFC 1123); also the runbook's file name by default. */
  name: string;
  /** Monitor title in Datadog; the cluster name is prefixed. */
  title: string;
  /** The app and component it watches (tags, runbook folder). */
  app: string;
  component: string;
  team: string;
  priority: MonitorPriority;
  query: MetricQuery;
  thresholds: Partial<Record<ThresholdName, number>> & { critical: number };
  /** One or two sentences: what firing means. The first line of the message. */
  summary: string;
  /** Runbook file name under docs/runbooks/<app>/ when several monitors share one response. */
  runbook?: string;
  /** Alert when the metric stops reporting for this many minutes (a silent agent is an outage). */
  noDataMinutes?: number;
  /** Re-notify every this many minutes while still alerting. */
  renotifyMinutes?: number;
  /** Cloud metrics arrive late (CloudWatch ~10 min): wait this many seconds before evaluating. */
  evaluationDelaySeconds?: number;
  /** Notification handles (`@slack-…`, `@pagerduty-…`): alerts and recoveries, warnings. */
  notify: MonitorNotification;
}

/** Where a monitor is rendered: its cluster (name tag, title) and the repository its runbook is in. */
export interface MonitorContext {
  clusterName: string;
  namespace: string;
  repository: GitRepository;
}

const rfc1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A typed DatadogMonitor whose message links its runbook and whose tags say whose it is. */
export function datadogMonitor(
  definition: MonitorDefinition,
  context: MonitorContext,
): DatadogMonitorResource {
  assertValidDefinition(definition);
  const runbook = runbookPath(definition.app, definition.runbook ?? definition.name);
  const { thresholds } = definition;
  return {
    apiVersion: 'datadoghq.com/v1alpha1',
    kind: 'DatadogMonitor',
    metadata: { name: definition.name, namespace: context.namespace },
    spec: {
      name: `[${context.clusterName}] ${definition.title}`,
      type: 'query alert',
      query: renderQuery(definition.query, thresholds.critical),
      message: monitorMessage(definition, runbookUrl(context.repository, runbook)),
      priority: definition.priority,
      tags: [
        `team:${definition.team}`,
        `cluster:${context.clusterName}`,
        `app:${definition.app}`,
        `component:${definition.component}`,
      ],
      options: {
        thresholds: Object.fromEntries(
          Object.entries(thresholds).map(([name, value]) => [name, String(value)]),
        ),
        ...(definition.evaluationDelaySeconds !== undefined
          ? { evaluationDelay: definition.evaluationDelaySeconds }
          : {}),
        includeTags: true,
        notifyNoData: definition.noDataMinutes !== undefined,
        ...(definition.noDataMinutes !== undefined
          ? { noDataTimeframe: definition.noDataMinutes }
          : {}),
        ...(definition.renotifyMinutes !== undefined
          ? { renotifyInterval: definition.renotifyMinutes }
          : {}),
        requireFullWindow: false,
      },
    },
  };
}

function monitorMessage(definition: MonitorDefinition, runbook: string): string {
  const alert = definition.notify.alert.join(' ');
  const lines = [
    definition.summary,
    '',
    `Runbook: ${runbook}`,
    '',
    `{{#is_alert}}${alert}{{/is_alert}}`,
  ];
  if (definition.thresholds.warning !== undefined)
    lines.push(`{{#is_warning}}${definition.notify.warning.join(' ')}{{/is_warning}}`);
  lines.push(`{{#is_recovery}}${alert}{{/is_recovery}}`);
  return lines.join('\n');
}

/** The metric terms a monitor watches: what tests check its claims against. */
export function monitorTerms(definition: MonitorDefinition): MetricTerm[] {
  return queryTerms(definition.query.expression);
}

function assertValidDefinition(definition: MonitorDefinition): void {
  const where = `monitor ${definition.name} (${definition.app}/${definition.component})`;
  if (!rfc1123.test(definition.name) || definition.name.length > 63)
    throw new Error(`${where}: name must be an RFC 1123 label (lower case, digits, '-')`);
  if (definition.notify.alert.length === 0)
    throw new Error(`${where}: notify names no handle, so nobody would hear it fire`);
  const { critical, warning } = definition.thresholds;
  if (warning !== undefined) {
    const rising = definition.query.comparator.startsWith('>');
    if (rising ? warning >= critical : warning <= critical)
      throw new Error(
        `${where}: thresholds.warning ${warning} must come before critical ${critical} for comparator ${definition.query.comparator}`,
      );
  }
}
