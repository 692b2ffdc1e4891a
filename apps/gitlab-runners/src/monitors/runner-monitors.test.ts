import { clusterByName, inventory, namespaces } from '@platform/config';
import { componentContext } from '@platform/core';
import { monitorTerms, type MetricTerm, type QueryExpression } from '@platform/monitoring';
import { describe, expect, it } from 'vitest';
import { privilegedRunner } from '../privileged/privileged-runner';
import { restrictedRunner } from '../restricted/restricted-runner';
import { managerReplicas, runnerCapacity, runnerTiming } from '../runner/runner-capacity';
import type { RunnerDefinition } from '../runner/runner-definition';
import { releaseName } from '../runner/runner-names';
import monitors, { runnerMonitors } from './component';

const ci = clusterByName(inventory, 'ci');
const definitions = runnerMonitors(
  componentContext(monitors, { app: 'gitlab-runners', name: 'monitors', inventory }, 'ci'),
);
const byName = (name: string) => definitions.find((d) => d.name === name)!;
const scope = { kube_cluster_name: ci.eks.clusterName, kube_namespace: namespaces.runnerManagers };

/** One reported series at one instant: a Datadog metric, the tags of the pod that reported it. */
interface Series {
  metric: string;
  tags: Record<string, string>;
  value: number;
}

/** The query's value per group at one instant, as Datadog aggregates it across series. */
function evaluate(expression: QueryExpression, series: readonly Series[]): Map<string, number> {
  if ('metric' in expression) return evaluateTerm(expression, series);
  const left = evaluate(expression.left, series);
  const right = evaluate(expression.right, series);
  const apply = { '+': (a: number, b: number) => a + b, '-': (a: number, b: number) => a - b }[
    expression.operator as '+' | '-'
  ];
  const result = new Map<string, number>();
  for (const [group, a] of left) {
    const b = right.get(group);
    if (b === undefined) continue;
    result.set(group, apply ? apply(a, b) : expression.operator === '*' ? a * b : a / b);
  }
  return result;
}

function evaluateTerm(term: MetricTerm, series: readonly Series[]): Map<string, number> {
  const groups = new Map<string, number[]>();
  for (const s of series) {
    if (s.metric !== term.metric) continue;
    if (!Object.entries(term.scope).every(([key, value]) => s.tags[key] === value)) continue;
    const group = (term.by ?? []).map((tag) => `${tag}:${s.tags[tag]}`).join(',');
    groups.set(group, [...(groups.get(group) ?? []), s.value]);
  }
  const aggregate = {
    sum: (v: number[]) => v.reduce((a, b) => a + b, 0),
    max: (v: number[]) => Math.max(...v),
    min: (v: number[]) => Math.min(...v),
    avg: (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length,
  }[term.aggregation];
  return new Map([...groups].map(([group, values]) => [group, aggregate(values)]));
}

/**
 * What each running manager pod of a runner reports, as Datadog names it: its running jobs, its
 * `[[runners]] limit` and its process-wide `concurrent` (the whole runner's peak).
 */
function managerSeries(runner: RunnerDefinition, runningJobs: readonly number[]): Series[] {
  const { limit, concurrent } = runnerCapacity(runner);
  const deployment = releaseName(runner);
  return runningJobs.flatMap((running, pod) => {
    const tags = { ...scope, kube_deployment: deployment, pod_name: `${deployment}-${pod}` };
    return [
      { metric: 'platform.gitlab_runner.jobs', tags, value: running },
      { metric: 'platform.gitlab_runner.limit', tags, value: limit },
      { metric: 'platform.gitlab_runner.concurrent', tags, value: concurrent },
    ];
  });
}

describe("the runners' limit saturation monitor", () => {
  const monitor = byName('runner-limit-saturated');

  it('divides running jobs by gitlab_runner_limit, both summed over the managers of each Deployment', () => {
    expect(monitorTerms(monitor).map((t) => [t.metric, t.aggregation, t.scope, t.by])).toEqual([
      ['platform.gitlab_runner.jobs', 'sum', scope, ['kube_deployment']],
      ['platform.gitlab_runner.limit', 'sum', scope, ['kube_deployment']],
    ]);
  });

  for (const runner of [restrictedRunner, privilegedRunner]) {
    const { limit } = runnerCapacity(runner);
    const group = `kube_deployment:${releaseName(runner)}`;

    it(`${runner.name}: alerts when the one manager left is full (${limit} jobs), not only when all are`, () => {
      const oneManagerDown = managerSeries(runner, [limit]);
      const value = evaluate(monitor.query.expression, oneManagerDown).get(group)!;
      expect(value).toBe(1);
      expect(value).toBeGreaterThanOrEqual(monitor.thresholds.critical);
    });

    it(`${runner.name}: ${managerReplicas} managers at half their limit stay below the warning`, () => {
      const half = Math.floor(limit / 2);
      const healthy = managerSeries(runner, Array(managerReplicas).fill(half));
      const value = evaluate(monitor.query.expression, healthy).get(group)!;
      expect(value).toBeCloseTo(half / limit);
      expect(value).toBeLessThan(monitor.thresholds.warning!);
    });
  }
});

describe("the runners' job queue monitor", () => {
  const monitor = byName('runner-job-queue');

  it("averages the time each job waited in GitLab's queue: the histogram's sum over its count, counted over the window", () => {
    expect(monitorTerms(monitor).map((t) => [t.metric, t.aggregation, t.asCount, t.by])).toEqual([
      ['platform.gitlab_runner.job_queue_duration.sum', 'sum', true, ['kube_deployment']],
      ['platform.gitlab_runner.job_queue_duration.count', 'sum', true, ['kube_deployment']],
    ]);
    expect(monitor.query.reducer).toBe('sum');
    expect(monitorTerms(monitor).every((t) => t.metric.includes('request_concurrency'))).toBe(
      false,
    );
  });

  it('warns at 4× and alerts at 20× the burst pickup time the runners are sized for', () => {
    expect(monitor.thresholds).toEqual({
      critical: runnerTiming.burstPickupSeconds * 20,
      warning: runnerTiming.burstPickupSeconds * 4,
    });
    const [sum, count] = monitorTerms(monitor).map((t) => t.metric);
    const tags = { ...scope, kube_deployment: releaseName(restrictedRunner) };
    // 40 jobs taken in the window, which had waited 6,000 s in all: 150 s each on average.
    const window: Series[] = [
      { metric: sum!, tags, value: 6000 },
      { metric: count!, tags, value: 40 },
    ];
    const average = evaluate(monitor.query.expression, window).values().next().value!;
    expect(average).toBe(150);
    expect(average).toBeGreaterThan(monitor.thresholds.warning!);
    expect(average).toBeLessThan(monitor.thresholds.critical);
  });
});
