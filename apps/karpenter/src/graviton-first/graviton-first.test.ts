import {
  architecturePriceAdjustment,
  formatPriceAdjustment,
  instanceTypeCatalog,
  planClusterCapacity,
  overlayMatches,
  readNodeOverlay,
  readNodePool,
  selectableTypes,
  type JsonObject,
} from '@platform/capacity';
import {
  ciNodePools,
  clusterByName,
  inventory,
  multiArchJobShare,
  multiArchJobs,
  peakLoad,
  type ClusterSpec,
} from '@platform/config';
import { committedFiles, committedObjects } from '@platform/rendered-tree';
import { validate } from '@platform/validate';
import { describe, expect, it } from 'vitest';
import { nodePoolShapes } from '../ci-nodes/ci-node-shapes';
import { peakLimits, renderTimePlan } from '../ci-nodes/peak-limits';
import { scaledBuffers } from '../warm-capacity/component';

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

describe('the multi-arch share of the peak', () => {
  const ci = clusterByName(inventory, 'ci');
  const withoutRunner: ClusterSpec = { ...ci, gitlabRunners: { multiArchHelperImage: 'none' } };
  const shape = nodePoolShapes.find((s) => s.pool.name === multiArchJobs.pool.name)!;
  const poolOf = (cluster: ClusterSpec) =>
    renderTimePlan(cluster).pools.find((p) => p.name === multiArchJobs.pool.name)!;

  it('is planned on the multi-arch pool where the multi-arch runner runs, from peakLoad.multiArchShare', () => {
    expect(peakLoad.multiArchShare).toBeGreaterThan(0);
    const total = peakLoad.concurrentPipelines * peakLoad.concurrentJobsPerPipeline;
    expect(poolOf(ci).jobs).toBeGreaterThanOrEqual(Math.round(total * multiArchJobShare()));
    expect(Number(peakLimits(shape, renderTimePlan(ci)).cpu)).toBeGreaterThan(0);
    const rendered = nodePools.find((p) => p.metadata.name === multiArchJobs.pool.name)!;
    expect((rendered.spec as { limits: { cpu: string } }).limits.cpu).toBe(
      peakLimits(shape, renderTimePlan(ci)).cpu,
    );
    expect(scaledBuffers(ci).map((b) => b.pool.name)).toContain(multiArchJobs.pool.name);
  });

  it('is zero without the runner’s helper image: no jobs, zero limits, no warm headroom, no cost', () => {
    expect(poolOf(withoutRunner).jobs).toBe(0);
    expect(peakLimits(shape, renderTimePlan(withoutRunner))).toEqual({ cpu: '0', memory: '0Gi' });
    expect(scaledBuffers(withoutRunner).map((b) => b.pool.name)).not.toContain(
      multiArchJobs.pool.name,
    );
    const plan = planClusterCapacity(withoutRunner, committedFiles('rendered/ci'))!;
    expect(plan.pools.find((p) => p.name === multiArchJobs.pool.name)!.jobs).toBe(0);
    expect(plan.cost.preference.usdPerWorkingDay.with).toBe(0);
    // The jobs it would have taken stay on the ordinary amd64 pool.
    const ordinary = (cluster: ClusterSpec) =>
      renderTimePlan(cluster).pools.find((p) => p.name === ciNodePools.ciJobs.name)!.jobs;
    expect(ordinary(withoutRunner)).toBeGreaterThan(ordinary(ci));
  });
});
