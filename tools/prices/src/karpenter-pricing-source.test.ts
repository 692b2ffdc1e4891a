import { describe, expect, it } from 'vitest';
import { parseKarpenterPricing, PriceSourceError } from './karpenter-pricing-source';

/** The shape of Karpenter's generated file, cut down to two families. */
const fixture = [
  'package pricing',
  '',
  '// generated at 2030-01-02T03:04:05Z for xx-test-1',
  '',
  'var InitialOnDemandPricesAWS = map[string]map[ec2types.InstanceType]float64{',
  '\t// xx-test-1',
  '\t"xx-test-1": {',
  '\t\t// c9 family',
  '\t\t"c9.large": 0.100000, "c9.xlarge": 0.200000,',
  '\t\t// c9g family',
  '\t\t"c9g.large": 0.080000,',
  '\t},',
  '}',
  '',
].join('\n');

describe("Karpenter's generated price table", () => {
  it('reads the date, the region and every type of that region', () => {
    expect(parseKarpenterPricing(fixture, 'prices.go')).toEqual({
      generatedAt: '2030-01-02T03:04:05Z',
      region: 'xx-test-1',
      pricesUsdPerHour: { 'c9.large': 0.1, 'c9.xlarge': 0.2, 'c9g.large': 0.08 },
    });
  });

  it('fails naming the line when an entry is not a "type": price pair', () => {
    const broken = fixture.replace('"c9g.large": 0.080000,', '"c9g.large": price,');
    expect(() => parseKarpenterPricing(broken, 'prices.go')).toThrow(
      new PriceSourceError(
        'prices.go:11: not a list of "type": price entries: "c9g.large": price,',
      ),
    );
  });

  it('fails without the header, without the region, and on a type priced twice', () => {
    expect(() => parseKarpenterPricing(fixture.replace(/^\/\/ generated.*$/m, ''), 'p.go')).toThrow(
      /no "\/\/ generated at/,
    );
    expect(() =>
      parseKarpenterPricing(fixture.replace('"xx-test-1": {', '"yy": {'), 'p.go'),
    ).toThrow(/no map entry for region xx-test-1/);
    expect(() =>
      parseKarpenterPricing(fixture.replace('"c9g.large": 0.080000', '"c9.large": 0.3'), 'p.go'),
    ).toThrow(/p\.go:11: c9\.large is priced twice/);
  });
});
