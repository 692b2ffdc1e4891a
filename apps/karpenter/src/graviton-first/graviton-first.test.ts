import {
  architecturePriceAdjustment,
  formatPriceAdjustment,
  instanceTypeCatalog,
  overlayMatches,
  readNodeOverlay,
  readNodePool,
  selectableTypes,
  type JsonObject,
} from '@platform/capacity';
import { ciNodePools, multiArchJobs } from '@platform/config';
import { committedFiles, committedObjects } from '@platform/rendered-tree';
import { validate } from '@platform/validate';
import { describe, expect, it } from 'vitest';

const [overlay] = committedObjects('rendered/ci/karpenter/graviton-first');
const nodePools = committedObjects('rendered/ci/karpenter/node-pools');
const multiArchPool = nodePools.find((p) => p.metadata.name === multiArchJobs.pool.name)!;

describe('Graviton first', () => {
  it('prices Graviton in the multi-arch pool down by the discount its own price table gives', () => {
    const pool = readNodePool(multiArchPool.file, multiArchPool as unknown as JsonObject);
    const types = selectableTypes(pool, instanceTypeCatalog);
    expect(new Set(types.map((t) => t.architecture))).toEqual(new Set(['arm64', 'amd64']));
    const adjustment = architecturePriceAdjustment(types, 'arm64');
    expect(overlay!.spec.priceAdjustment).toBe(formatPriceAdjustment(adjustment.percent));
    expect(overlay!.metadata.annotations?.['ci.platform/price-adjustment-from']).toContain(
      `${adjustment.preferred.name} $${adjustment.preferred.onDemandUsdPerHour.toFixed(2)} / ${adjustment.other.name}`,
    );
  });

  it('matches exactly the Graviton types of the multi-arch pool, nothing of the other pools', () => {
    const pools = nodePools.map((p) => readNodePool(p.file, p as unknown as JsonObject));
    const matches = overlayMatches(
      readNodeOverlay(overlay!.file, overlay as unknown as JsonObject),
      pools,
      instanceTypeCatalog,
    );
    expect(new Set(matches.map((m) => m.pool))).toEqual(
      new Set([ciNodePools.ciJobsMultiArch.name]),
    );
    const graviton = selectableTypes(
      pools.find((p) => p.name === multiArchPool.metadata.name)!,
      instanceTypeCatalog,
    )
      .filter((t) => t.architecture === 'arm64')
      .map((t) => t.name);
    expect(matches.map((m) => m.instanceType).sort()).toEqual(graviton.sort());
  });

  it('validates against the NodeOverlay CRD the Karpenter chart installs, its patterns included', async () => {
    const crds = committedFiles('rendered/ci/karpenter/controller').filter((f) =>
      f.path.includes('customresourcedefinition-'),
    );
    const [file] = committedFiles('rendered/ci/karpenter/graviton-first');
    expect((await validate([...crds, file!], { engine: 'embedded' })).findings).toEqual([]);
    // The CRD's pattern allows a percentage decrease of at most two digits (or -100%).
    const broken = {
      ...file!,
      content: file!.content.replace(/priceAdjustment: .*/, 'priceAdjustment: -150%'),
    };
    expect(
      (await validate([...crds, broken], { engine: 'embedded' })).findings
        .map((f) => f.field ?? f.message)
        .join('\n'),
    ).toMatch(/priceAdjustment/);
  });
});
