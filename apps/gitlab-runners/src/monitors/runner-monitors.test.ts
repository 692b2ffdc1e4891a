import { clusterByName, inventory, namespaces } from '@platform/config';
import { componentContext } from '@platform/core';
import { monitorTerms } from '@platform/monitoring';
import { describe, expect, it } from 'vitest';
import monitors, { runnerMonitors } from './component';

const ci = clusterByName(inventory, 'ci');
const definitions = runnerMonitors(
  componentContext(monitors, { app: 'gitlab-runners', name: 'monitors', inventory }, 'ci'),
);
const byName = (name: string) => definitions.find((d) => d.name === name)!;
const scope = { kube_cluster_name: ci.eks.clusterName, kube_namespace: namespaces.runnerManagers };

describe("the runners' monitors", () => {
  it('job queue: request-concurrency rejections of each runner manager in its namespace', () => {
    const [term] = monitorTerms(byName('runner-job-queue'));
    expect(term).toMatchObject({
      metric: 'platform.gitlab_runner.request_concurrency_exceeded.count',
      scope,
      by: ['kube_deployment'],
    });
  });

  it('concurrent saturation: running jobs over the concurrent limit, per runner manager', () => {
    const monitor = byName('runner-concurrent-saturated');
    expect(monitorTerms(monitor).map((t) => [t.metric, t.scope])).toEqual([
      ['platform.gitlab_runner.jobs', scope],
      ['platform.gitlab_runner.concurrent', scope],
    ]);
    expect(monitor.thresholds).toEqual({ critical: 0.95, warning: 0.8 });
  });
});
