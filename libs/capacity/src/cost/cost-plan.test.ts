import { describe, expect, it } from 'vitest';
import { planCapacity } from '../plan/plan-capacity';
import { fixtureInput, fixturePool, smallJobsOnly } from '../testing/plan-fixture';

/**
 * One pool of c6i.4xlarge only, small jobs only: the existing node-sizing test shows 17 small
 * jobs fill a c6i.4xlarge here, and Karpenter v1.14.1's table prices it at $0.68 an hour.
 */
const onlyC6i4xlarge = fixturePool('jobs', 'amd64', {
  requirements: [
    { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
    { key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['c6i.4xlarge'] },
  ],
});
const input = fixtureInput({
  ...smallJobsOnly(2, 51),
  nodePools: [
    onlyC6i4xlarge,
    fixturePool('jobs-arm64', 'arm64'),
    fixturePool('privileged', 'amd64'),
  ],
  // The fixture's load profile: 08:00–18:00 on five days, a fifth of it at the peak, otherwise
  // 3 pipelines an hour of 20 minutes (one at a time).
  headroom: { pipelines: 1 },
});

describe('the cost plan', () => {
  const { cost } = planCapacity(input);
  const jobs = cost.pools.find((p) => p.pool === 'jobs')!;

  it('prices the peak from the price table: 102 small jobs / 17 per node = 6 × $0.68 = $4.08/h', () => {
    expect(jobs.peak).toMatchObject({ jobs: 102, nodes: 6, instanceType: 'c6i.4xlarge' });
    expect(jobs.peak.usdPerNodeHour).toBe(0.68);
    expect(jobs.peak.usdPerHour).toBeCloseTo(4.08, 10);
    expect(cost.usdPerHour.peak).toBeCloseTo(4.08, 10);
  });

  it('prices an ordinary hour: 3/h × 20 min = 1 pipeline, 51 jobs = 3 nodes = $2.04/h', () => {
    expect(cost.pipelines.typical).toBe(1);
    expect(jobs.typical).toMatchObject({ jobs: 51, nodes: 3 });
    expect(jobs.typical.usdPerHour).toBeCloseTo(2.04, 10);
  });

  it('prices the warm headroom: one burst, 51 chunks = 3 nodes = $2.04/h over all 10 working hours', () => {
    expect(jobs.buffer).toMatchObject({ jobs: 51, nodes: 3, instanceType: 'c6i.4xlarge' });
    expect(cost.hours).toEqual({ working: 10, peak: 2, typical: 8, typicalPipelines: 1 });
    // 4.08 × 2 + 2.04 × 8 + 2.04 × 10 = 8.16 + 16.32 + 20.40 = 44.88; × 5 days = 224.40
    expect(cost.usdPerWorkingDay.peak).toBeCloseTo(8.16, 10);
    expect(cost.usdPerWorkingDay.typical).toBeCloseTo(16.32, 10);
    expect(cost.usdPerWorkingDay.buffer).toBeCloseTo(20.4, 10);
    expect(cost.usdPerWorkingDay.total).toBeCloseTo(44.88, 10);
    expect(cost.usdPerWeek).toBeCloseTo(224.4, 10);
  });

  it('names its price source: Karpenter v1.14.1, us-east-1, and the cluster region it differs from', () => {
    expect(cost.prices).toMatchObject({ karpenterVersion: 'v1.14.1', region: 'us-east-1' });
    expect(cost.clusterRegion).toBe('eu-west-1');
  });

  it('refuses a profile that runs more pipelines at once than the peak, naming the field', () => {
    const busy = { ...input.loadProfile, pipelinesPerHour: 9 };
    expect(() => planCapacity({ ...input, loadProfile: busy })).toThrow(
      "libs/config/src/ci-jobs/load-profile.ts: loadProfile.pipelinesPerHour: 9 pipelines an hour of 20 minutes run 3 at once, more than the peak's 2 (peakLoad.concurrentPipelines)",
    );
    const backwards = { ...input.loadProfile, workingHours: { start: 18, end: 8 } };
    expect(() => planCapacity({ ...input, loadProfile: backwards })).toThrow(
      /loadProfile\.workingHours: 18–8 is not a range/,
    );
  });
});
