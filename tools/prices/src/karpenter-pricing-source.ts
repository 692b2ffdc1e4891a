/**
 * Reads Karpenter's generated on-demand price table (`pkg/providers/pricing/zz_generated.pricing_aws.go`
 * of aws/karpenter-provider-aws): a header line `// generated at <time> for <region>`, then a Go map
 * of regions to `"<instance type>": <USD per hour>` entries. Only the shape that file has is
 * accepted; anything else fails naming the line, so a Karpenter bump that changes the format is
 * noticed instead of read wrongly.
 */
export interface KarpenterPriceTable {
  /** When Karpenter's generator queried the AWS pricing API (ISO 8601, from the header). */
  generatedAt: string;
  region: string;
  /** USD per hour, on-demand, by instance type. */
  pricesUsdPerHour: Record<string, number>;
}

export class PriceSourceError extends Error {}

const header = /^\/\/ generated at (\S+) for (\S+)$/m;
const regionOpen = /^\t"([a-z0-9-]+)": \{$/;
const entry = /"([a-z0-9-]+\.[a-z0-9-]+)": (\d+\.\d+)/g;

export function parseKarpenterPricing(source: string, file: string): KarpenterPriceTable {
  const generated = header.exec(source);
  if (!generated)
    throw new PriceSourceError(`${file}: no "// generated at <time> for <region>" line`);
  const [, generatedAt, region] = generated as unknown as [string, string, string];
  const lines = source.split('\n');
  const start = lines.findIndex((line) => regionOpen.exec(line)?.[1] === region);
  if (start < 0) throw new PriceSourceError(`${file}: no map entry for region ${region}`);
  const pricesUsdPerHour: Record<string, number> = {};
  for (let i = start + 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^\t\},?$/.test(line)) return { generatedAt, region, pricesUsdPerHour };
    if (/^\s*\/\//.test(line) || line.trim() === '') continue;
    const found = [...line.matchAll(entry)];
    if (found.length === 0 || line.replace(entry, '').replace(/[,\s]/g, '') !== '')
      throw new PriceSourceError(
        `${file}:${i + 1}: not a list of "type": price entries: ${line.trim()}`,
      );
    for (const [, type, price] of found) {
      if (pricesUsdPerHour[type!] !== undefined)
        throw new PriceSourceError(`${file}:${i + 1}: ${type} is priced twice`);
      pricesUsdPerHour[type!] = Number(price);
    }
  }
  throw new PriceSourceError(`${file}: the ${region} map is not closed`);
}
