import type { KarpenterPriceTable } from './karpenter-pricing-source';

/** Where the table came from, as its vendor lock entry says. */
export interface PriceTableSource {
  repository: string;
  path: string;
  tag: string;
  commit: string;
  /** The vendored copy the table was generated from. */
  vendored: string;
}

/**
 * The committed JSON: provenance, date and region first, then prices by type in code-point order.
 * Same input, same bytes (a drift test regenerates it).
 */
export function priceTableJson(table: KarpenterPriceTable, source: PriceTableSource): string {
  const prices = Object.fromEntries(
    Object.entries(table.pricesUsdPerHour).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const document = {
    generatedBy: 'npm run prices (tools/prices); do not edit',
    source,
    generatedAt: table.generatedAt,
    region: table.region,
    currency: 'USD',
    unit: 'per instance-hour, on-demand, Linux',
    pricesUsdPerHour: prices,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
