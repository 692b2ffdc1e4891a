import { describe, expect, it } from 'vitest';
import { planCapacity } from '../plan/plan-capacity';
import { multiArchFixtureInput } from '../testing/plan-fixture';

/**
 * A multi-arch pool of c6i.8xlarge and c7g.8xlarge taking every ordinary job (small only). On an
 * 8xlarge, small jobs are bound by memory: (65536 − 7.5% − 1465 − 100) / 1664 = 35.49 → 35 (the
 * c7g's 64Mi CMA area leaves 35.45 → 35 too).
 */
const input = multiArchFixtureInput(2, 35, 1);

describe('Graviton first in the cost plan', () => {
  const { cost, pools } = planCapacity(input);
  const pool = cost.pools.find((p) => p.pool === 'multi')!;

  it('plans the multi-arch pool on Graviton, and on amd64 without the preference', () => {
    expect(pools.find((p) => p.name === 'multi')).toMatchObject({
      jobs: 70,
      preferredArchitecture: 'arm64',
      peak: { instanceType: 'c7g.8xlarge', nodes: 2 },
      fallbackPeak: { instanceType: 'c6i.8xlarge', nodes: 2 },
    });
  });

  it('prices both: 2 × $1.16 = $2.32/h with, 2 × $1.36 = $2.72/h without; 1 node each on an ordinary hour', () => {
    expect(pool.peak.usdPerHour).toBeCloseTo(2.32, 10);
    expect(pool.withoutPreference!.peak.usdPerHour).toBeCloseTo(2.72, 10);
    expect(pool.typical).toMatchObject({ jobs: 35, nodes: 1, usdPerHour: 1.16 });
    expect(pool.withoutPreference!.typical).toMatchObject({ nodes: 1, usdPerHour: 1.36 });
  });

  it('per working day (2 h peak, 8 h ordinary): 2.32 × 2 + 1.16 × 8 = $13.92 with, 2.72 × 2 + 1.36 × 8 = $16.32 without', () => {
    expect(cost.preference.pools).toEqual(['multi']);
    expect(cost.preference.usdPerWorkingDay.with).toBeCloseTo(13.92, 10);
    expect(cost.preference.usdPerWorkingDay.without).toBeCloseTo(16.32, 10);
  });

  it('leaves the pools without a preference out, and prices nothing when no job is multi-arch', () => {
    expect(cost.pools.filter((p) => p.withoutPreference).map((p) => p.pool)).toEqual(['multi']);
    const none = planCapacity({ ...input, peak: { ...input.peak, multiArchShare: 0 } }).cost
      .preference;
    expect(none.usdPerWorkingDay).toEqual({ with: 0, without: 0 });
  });
});
