import { ciNodePools, type ClusterSpec } from '@platform/config';
import { describe, expect, it } from 'vitest';
import type { RunnerDefinition } from './runner-definition';
import { createRunnerRequestBody, createRunnerSteps } from './runner-registration';

const runner: RunnerDefinition = {
  name: 'fixture',
  jobNamespace: 'fixture-jobs',
  privileged: false,
  nodePools: [ciNodePools.ciJobs],
  peakShare: 1,
  gitlab: {
    runnerType: 'group_type',
    description: 'fixture runner',
    tags: ['a', 'b'],
    runUntagged: false,
    locked: true,
    accessLevel: 'ref_protected',
    maximumTimeout: 600,
    paused: true,
  },
};
const cluster = {
  aws: { accountId: '000000000000', region: 'eu-central-1' },
  eks: { clusterName: 'fixture-cluster' },
} as ClusterSpec;

describe('the GitLab API call that creates a runner', () => {
  it('maps every GitLab-side property to its POST /api/v4/user/runners attribute', () => {
    expect(createRunnerRequestBody(runner)).toEqual({
      runner_type: 'group_type',
      description: 'fixture runner',
      tag_list: ['a', 'b'],
      run_untagged: false,
      locked: true,
      access_level: 'ref_protected',
      maximum_timeout: 600,
      paused: true,
    });
  });

  it('stores the returned token in the secret its ExternalSecret reads, never echoing it', () => {
    const steps = createRunnerSteps(runner, cluster);
    expect(steps).toContain('/api/v4/user/runners');
    expect(steps).toContain('--secret-id fixture-cluster/gitlab-runners/fixture/runner-token');
    expect(steps).toContain('--region eu-central-1');
    expect(steps).not.toMatch(/echo/);
  });
});
