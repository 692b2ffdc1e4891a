import { ciNodePools, jobSizeClasses, peakLoad } from '@platform/config';
import { describe, expect, it } from 'vitest';
import type { RunnerDefinition } from './runner-definition';
import { cpuMillicores } from './quantity';
import { jobNamespaceQuota, managerReplicas, runnerCapacity } from './runner-capacity';

const wholePeak: RunnerDefinition = {
  name: 'whole-peak',
  jobNamespace: 'fixture-jobs',
  privileged: false,
  nodePools: [ciNodePools.ciJobs],
  peakShare: 1,
  gitlab: {
    runnerType: 'instance_type',
    description: 'fixture',
    tags: [],
    runUntagged: true,
    locked: true,
    accessLevel: 'not_protected',
    maximumTimeout: 3600,
    paused: false,
  },
};

describe('runner capacity, derived from the peak and the size classes', () => {
  const peak = peakLoad.concurrentPipelines * peakLoad.concurrentJobsPerPipeline;

  it('lets a runner carrying the whole peak run every peak job at once across its managers', () => {
    const capacity = runnerCapacity(wholePeak);
    expect(capacity.concurrent).toBeGreaterThanOrEqual(peak);
    expect(capacity.limit * managerReplicas).toBeGreaterThanOrEqual(peak);
    expect(capacity.concurrent).toBeGreaterThanOrEqual(capacity.limit);
  });

  it('waits minutes for a Karpenter node and asks GitLab for many jobs per poll', () => {
    const capacity = runnerCapacity(wholePeak);
    expect(capacity.pollTimeout).toBeGreaterThanOrEqual(600);
    expect(capacity.requestConcurrency).toBeGreaterThan(1);
  });

  it('sizes the quota from the size mix of the peak with headroom, so the expected peak always fits', () => {
    const quota = jobNamespaceQuota(wholePeak);
    expect(Number(quota.pods)).toBeGreaterThanOrEqual(peak);
    // A small job alone (build + helper + services) times the peak is a lower bound of the mix.
    const small = jobSizeClasses.small;
    const smallCores =
      (cpuMillicores(small.build.cpu) +
        cpuMillicores(small.helper.cpu) +
        small.maxServices * cpuMillicores(small.service.cpu)) /
      1000;
    expect(Number(quota['requests.cpu'])).toBeGreaterThan(smallCores * peak);
    expect(quota['requests.memory']).toBe(quota['limits.memory']);
  });

  it('scales with the runner’s share of the peak', () => {
    const tenth = runnerCapacity({ ...wholePeak, peakShare: 0.1 });
    expect(tenth.concurrent).toBe(Math.ceil(peak * 0.1));
  });
});
