import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@platform/gitops';
import { describe, expect, it } from 'vitest';
import { generatePriceTable, priceTablePath } from './generate-price-table';

describe('the committed on-demand price table', () => {
  it('is exactly what `npm run prices` generates from the vendored Karpenter file', () => {
    expect(readFileSync(join(repositoryRoot, priceTablePath), 'utf8')).toBe(generatePriceTable());
  });

  // Karpenter's own file, read only here to cross-check (the product never reads ../shared).
  const upstream = join(
    repositoryRoot,
    '..',
    'shared',
    'upstream',
    'karpenter',
    'zz_generated.pricing_aws.go',
  );
  if (!existsSync(upstream))
    console.warn(`skipping the upstream price cross-check: ${upstream} not found`);
  it.skipIf(!existsSync(upstream))(
    'holds every price of the upstream file, for its date and region',
    () => {
      const table = JSON.parse(readFileSync(join(repositoryRoot, priceTablePath), 'utf8')) as {
        generatedAt: string;
        region: string;
        pricesUsdPerHour: Record<string, number>;
      };
      const source = readFileSync(upstream, 'utf8');
      expect(source).toContain(`// generated at ${table.generatedAt} for ${table.region}`);
      const entries = [...source.matchAll(/"([a-z0-9-]+\.[a-z0-9-]+)": (\d+\.\d+)/g)];
      expect(Object.keys(table.pricesUsdPerHour)).toHaveLength(entries.length);
      for (const [, type, price] of entries)
        expect(table.pricesUsdPerHour[type!], type).toBe(Number(price));
    },
  );
});
