import { describe, expect, it } from 'vitest';
import { planCapacity } from '../plan/plan-capacity';
import { fixtureInput, fixturePool } from '../testing/plan-fixture';
import { jobFootprints, poolBuffers } from './warm-headroom';

const input = fixtureInput();
const footprints = jobFootprints(input.sizeClasses);

describe('the warm headroom of each pool', () => {
  it('holds one burst of the pool in chunks of its most common class, the largest of CPU, memory and storage', () => {
    // The pool at the peak: 4 × c6i.8xlarge (128 CPU); with the headroom 6 (192 CPU).
    // One pipeline of 50: 5 privileged, 14 of the other 45 on arm64, 31 on amd64; 80/20 rounds
    // up to 25 small + 7 large. small = 850m, 1664Mi, 9Gi; large = 4200m, 10496Mi, 50Gi.
    // CPU (25 × 850 + 7 × 4200) / 850 = 59.6; memory (25 × 1664 + 7 × 10496) / 1664 = 69.2;
    // storage (25 × 9 + 7 × 50) / 9 = 63.9: 70 small chunks.
    const [jobs, arm64, privileged] = poolBuffers(input.peak, input.pools, 1, footprints);
    expect(jobs).toEqual({
      pool: 'jobs',
      sizeClass: 'small',
      chunks: 70,
      burstJobsByClass: { small: 25, large: 7 },
    });
    // arm64: 12 small + 3 large: memory (12 × 1664 + 3 × 10496) / 1664 = 30.9 → 31.
    expect(arm64).toMatchObject({ pool: 'jobs-arm64', chunks: 31 });
    // privileged: 4 small + 1 large: memory (4 × 1664 + 10496) / 1664 = 10.3 → 11.
    expect(privileged).toMatchObject({ pool: 'privileged', chunks: 11 });
  });

  it('is zero when the headroom is off', () => {
    expect(poolBuffers(input.peak, input.pools, 0, footprints).map((b) => b.chunks)).toEqual([
      0, 0, 0,
    ]);
  });

  it('fails the capacity check, naming the pool, when peak and headroom outgrow its limits', () => {
    const limited = fixturePool('jobs', 'amd64', {
      limits: { cpuMillis: 160_000, memoryMiB: 1_000_000 },
    });
    const pools = [limited, ...input.nodePools.slice(1)];
    const without = planCapacity(fixtureInput({ nodePools: pools }));
    expect(without.findings).toEqual([]);
    const withHeadroom = planCapacity(
      fixtureInput({ nodePools: pools, headroom: { pipelines: 1 } }),
    );
    expect(withHeadroom.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        subject: 'NodePool jobs',
        message: expect.stringMatching(
          /for 64 jobs and 70 warm-headroom chunks \(CapacityBuffer\); spec\.limits allow cpu 160/,
        ),
      }),
    ]);
  });

  it('is none on a one-job-per-node pool, whose nodes take jobs only for a short window', () => {
    const plan = planCapacity(
      fixtureInput({ headroom: { pipelines: 1 }, oneJobPerNodePools: ['privileged'] }),
    );
    expect(plan.pools.map((p) => [p.name, p.buffer?.chunks])).toEqual([
      ['jobs', 70],
      ['jobs-arm64', 31],
      ['privileged', undefined],
    ]);
    expect(plan.cost.pools.find((p) => p.pool === 'privileged')!.buffer.nodes).toBe(0);
  });

  it('counts its nodes in the subnets at the peak', () => {
    const without = planCapacity(fixtureInput());
    const withHeadroom = planCapacity(fixtureInput({ headroom: { pipelines: 1 } }));
    expect(withHeadroom.zones[0]!.neededAddresses).toBeGreaterThan(
      without.zones[0]!.neededAddresses,
    );
  });
});
