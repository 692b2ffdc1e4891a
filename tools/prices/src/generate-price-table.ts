import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVendorLock, repositoryRoot, sha256File } from '@platform/gitops';
import { parseKarpenterPricing } from './karpenter-pricing-source';
import { priceTableJson } from './price-table-json';

/** The committed table the capacity planner imports (libs/capacity/src/pricing). */
export const priceTablePath = 'libs/capacity/src/pricing/on-demand-prices.json';

/** The lock entry of the vendored Karpenter price source. */
export const priceSourceArtifact = { kind: 'source', name: 'karpenter-on-demand-prices' } as const;

/** The table's JSON text, from the vendored file its lock entry names (digest checked first). */
export function generatePriceTable(root: string = repositoryRoot): string {
  const locked = readVendorLock(root).artifacts.filter(
    (a) => a.kind === priceSourceArtifact.kind && a.name === priceSourceArtifact.name,
  );
  if (locked.length !== 1)
    throw new Error(
      `vendor/vendor.lock.json: expected one ${priceSourceArtifact.kind} entry named ${priceSourceArtifact.name}, found ${locked.length}`,
    );
  const artifact = locked[0]!;
  const file = join(root, artifact.path);
  const digest = sha256File(file);
  if (digest !== artifact.sha256)
    throw new Error(`${artifact.path}: sha256 is ${digest}, the lock expects ${artifact.sha256}`);
  const { repository, path, tag, commit } = artifact.provenance;
  if (!path || !tag || !commit)
    throw new Error(
      `vendor/vendor.lock.json: ${artifact.name} needs provenance path, tag and commit`,
    );
  const table = parseKarpenterPricing(readFileSync(file, 'utf8'), artifact.path);
  return priceTableJson(table, { repository, path, tag, commit, vendored: artifact.path });
}

/** `npm run prices`: rewrites the committed table (temp file + rename). */
function main(): void {
  const target = join(repositoryRoot, priceTablePath);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, generatePriceTable());
  renameSync(temporary, target);
  process.stdout.write(`wrote ${priceTablePath}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
