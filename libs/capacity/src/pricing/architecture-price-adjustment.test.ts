import { describe, expect, it } from 'vitest';
import { findInstanceType, instanceTypeCatalog } from '../catalog/instance-catalog';
import {
  architecturePriceAdjustment,
  formatPriceAdjustment,
} from './architecture-price-adjustment';

const type = (name: string) => findInstanceType(name)!;

describe('the Graviton price adjustment', () => {
  it('is the discount of c7g.8xlarge ($1.16) against c6i.8xlarge ($1.36): 1 − 1.16/1.36 = 14.7%', () => {
    const adjustment = architecturePriceAdjustment(
      [type('c6i.8xlarge'), type('c7g.8xlarge')],
      'arm64',
    );
    expect(adjustment.percent).toBe(14.7);
    expect(formatPriceAdjustment(adjustment.percent)).toBe('-14.7%');
    expect([adjustment.preferred.name, adjustment.other.name]).toEqual([
      'c7g.8xlarge',
      'c6i.8xlarge',
    ]);
  });

  it('takes the smallest discount, each Graviton type against the cheapest Intel type of its shape', () => {
    // m7g.8xlarge $1.3056 against m6i.8xlarge $1.536 (not m7i's $1.6128): 15.0%; c gives 14.7%.
    const types = [
      'c6i.8xlarge',
      'c7i.8xlarge',
      'c7g.8xlarge',
      'm6i.8xlarge',
      'm7i.8xlarge',
      'm7g.8xlarge',
    ].map(type);
    expect(architecturePriceAdjustment(types, 'arm64').percent).toBe(14.7);
    const mOnly = types.filter((t) => t.category === 'm');
    expect(architecturePriceAdjustment(mOnly, 'arm64')).toMatchObject({
      percent: 15,
      other: { name: 'm6i.8xlarge' },
    });
  });

  it('refuses a preference the prices do not support', () => {
    expect(() =>
      architecturePriceAdjustment([type('c6i.8xlarge'), type('c7g.8xlarge')], 'amd64'),
    ).toThrow(
      'c6i.8xlarge ($1.36) is not cheaper than c7g.8xlarge ($1.16): no amd64 advantage to derive',
    );
    expect(() =>
      architecturePriceAdjustment(
        instanceTypeCatalog.filter((t) => t.category === 'x'),
        'arm64',
      ),
    ).toThrow(/no arm64 type has a counterpart/);
  });
});
