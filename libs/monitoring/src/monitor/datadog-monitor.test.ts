import { describe, expect, it } from 'vitest';
import { datadogMonitor, monitorTerms, type MonitorDefinition } from './datadog-monitor';

const repository = { url: 'https://gitlab.example.com/group/repo.git', revision: 'main' };
const context = { clusterName: 'ci', namespace: 'observability', repository };

const definition: MonitorDefinition = {
  name: 'queue-saturated',
  title: 'Runner queue saturated',
  app: 'gitlab-runners',
  component: 'restricted',
  team: 'platform',
  priority: 2,
  query: {
    reducer: 'avg',
    window: '10m',
    expression: {
      operator: '/',
      left: {
        metric: 'jobs',
        aggregation: 'sum',
        scope: { kube_cluster_name: 'c' },
        by: ['runner'],
      },
      right: {
        metric: 'limit',
        aggregation: 'sum',
        scope: { kube_cluster_name: 'c' },
        by: ['runner'],
      },
    },
    comparator: '>=',
  },
  thresholds: { critical: 0.9, warning: 0.8 },
  summary: 'The runner runs as many jobs as it may.',
  notify: { alert: ['@pager', '@slack-ci-platform'], warning: ['@slack-ci-platform'] },
};

describe('datadogMonitor', () => {
  const monitor = datadogMonitor(definition, context);

  it('renders the query with the critical threshold of its options', () => {
    expect(monitor.spec.query).toBe(
      'avg(last_10m):sum:jobs{kube_cluster_name:c} by {runner} / sum:limit{kube_cluster_name:c} by {runner} >= 0.9',
    );
    expect(monitor.spec.options.thresholds).toEqual({ critical: '0.9', warning: '0.8' });
  });

  it('links the runbook at its GitLab blob URL on the followed revision', () => {
    expect(monitor.spec.message).toContain(
      'Runbook: https://gitlab.example.com/group/repo/-/blob/main/docs/runbooks/gitlab-runners/queue-saturated.md',
    );
    expect(monitor.spec.message).toContain('{{#is_alert}}@pager @slack-ci-platform{{/is_alert}}');
    expect(monitor.spec.message).toContain('{{#is_warning}}@slack-ci-platform{{/is_warning}}');
    expect(monitor.spec.message).toContain(
      '{{#is_recovery}}@pager @slack-ci-platform{{/is_recovery}}',
    );
  });

  it('uses a shared runbook when the definition names one', () => {
    const shared = datadogMonitor({ ...definition, runbook: 'runner-capacity' }, context);
    expect(shared.spec.message).toContain('/docs/runbooks/gitlab-runners/runner-capacity.md');
  });

  it('tags team, cluster, app and component, and names the cluster in the title', () => {
    expect(monitor.spec.tags).toEqual([
      'team:platform',
      'cluster:ci',
      'app:gitlab-runners',
      'component:restricted',
    ]);
    expect(monitor.spec.name).toBe('[ci] Runner queue saturated');
    expect(monitor.metadata).toEqual({ name: 'queue-saturated', namespace: 'observability' });
  });

  it('exposes the metric terms it watches', () => {
    expect(monitorTerms(definition).map((term) => term.metric)).toEqual(['jobs', 'limit']);
  });

  it('rejects a warning threshold beyond the critical one', () => {
    expect(() =>
      datadogMonitor({ ...definition, thresholds: { critical: 0.8, warning: 0.9 } }, context),
    ).toThrow(/monitor queue-saturated \(gitlab-runners\/restricted\): thresholds.warning 0.9/);
  });

  it('rejects a name that is not a Kubernetes name, and a monitor nobody hears', () => {
    expect(() => datadogMonitor({ ...definition, name: 'Queue_Saturated' }, context)).toThrow(
      /RFC 1123/,
    );
    expect(() =>
      datadogMonitor({ ...definition, notify: { alert: [], warning: [] } }, context),
    ).toThrow(/nobody/);
  });

  it('rejects a term without scope and a window that is not a duration', () => {
    const unscoped = { metric: 'jobs', aggregation: 'sum' as const, scope: {} };
    expect(() =>
      datadogMonitor(
        { ...definition, query: { ...definition.query, expression: unscoped } },
        context,
      ),
    ).toThrow(/metric jobs has no scope/);
    expect(() =>
      datadogMonitor(
        { ...definition, query: { ...definition.query, window: '10 minutes' } },
        context,
      ),
    ).toThrow(/window "10 minutes"/);
  });

  it('renders counters as counts, and no-data and renotify options when asked', () => {
    const errors = datadogMonitor(
      {
        ...definition,
        query: {
          reducer: 'sum',
          window: '15m',
          expression: {
            metric: 'errors.count',
            aggregation: 'sum',
            scope: { a: 'b' },
            asCount: true,
          },
          comparator: '>',
        },
        thresholds: { critical: 5 },
        noDataMinutes: 30,
        renotifyMinutes: 60,
      },
      context,
    );
    expect(errors.spec.query).toBe('sum(last_15m):sum:errors.count{a:b}.as_count() > 5');
    expect(errors.spec.options).toMatchObject({
      notifyNoData: true,
      noDataTimeframe: 30,
      renotifyInterval: 60,
    });
  });
});
