import {
  catalogCoverageFindings,
  instanceTypeCatalog,
  readNodePool,
  selectableTypes,
  type JsonObject,
} from '@platform/capacity';
import { allCiNodePools, clusterByName, inventory, poolArchitectures } from '@platform/config';
import { describe, expect, it } from 'vitest';
import { nodePoolShapes } from '../ci-nodes/ci-node-shapes';
import { nodePoolManifest, nodePoolRequirements } from '../ci-nodes/node-pool-manifest';
import { peakLimits, renderTimePlan } from '../ci-nodes/peak-limits';

const ci = clusterByName(inventory, 'ci');

describe('the CI NodePools', () => {
  it('select only instance types the capacity catalog knows, every family in every size', () => {
    for (const shape of nodePoolShapes) {
      const pool = readNodePool('node-pools', nodePoolManifest(shape) as unknown as JsonObject);
      expect(catalogCoverageFindings(pool, instanceTypeCatalog)).toEqual([]);
      const selected = selectableTypes(pool, instanceTypeCatalog).map((t) => t.name);
      const expected = shape.families.flatMap((family) =>
        shape.sizes.map((size) => `${family}.${size}`),
      );
      expect(selected.sort()).toEqual(expected.sort());
      expect(
        new Set(selectableTypes(pool, instanceTypeCatalog).map((t) => t.architecture)),
      ).toEqual(new Set(poolArchitectures(shape.pool)));
    }
  });

  it('take names, architectures and taints from libs/config', () => {
    expect(nodePoolShapes.map((shape) => shape.pool)).toEqual(allCiNodePools);
    for (const shape of nodePoolShapes) {
      const manifest = nodePoolManifest(shape);
      expect(manifest.metadata?.name).toBe(shape.pool.name);
      expect(manifest.spec.template.spec.taints).toEqual(shape.pool.taints);
      expect(nodePoolRequirements(shape)).toContainEqual({
        key: 'kubernetes.io/arch',
        operator: 'In',
        values: poolArchitectures(shape.pool),
      });
    }
  });

  it('set limits above the planned peak, derived from the plan', () => {
    const plan = renderTimePlan(ci);
    // Its only findings are the root volumes it leaves unsized (the node classes size them from it).
    expect(plan.findings.filter((f) => !/no entry with rootVolume: true/.test(f.message))).toEqual(
      [],
    );
    for (const shape of nodePoolShapes) {
      const peak = plan.pools.find((p) => p.name === shape.pool.name)?.peak;
      const limits = peakLimits(shape, plan);
      expect(Number(limits.cpu) * 1000).toBeGreaterThanOrEqual(peak!.capacity.cpuMillis);
      expect(Number(limits.cpu) % 16).toBe(0);
    }
  });

  it('raise the limits when the planned peak or its warm headroom grows', () => {
    const shape = nodePoolShapes[0]!;
    const plan = renderTimePlan(ci);
    const doubled = <T extends { capacity: { cpuMillis: number } } | undefined>(peak: T): T =>
      peak && { ...peak, capacity: { ...peak.capacity, cpuMillis: peak.capacity.cpuMillis * 2 } };
    const grown = (which: 'peak' | 'buffer') => ({
      ...plan,
      pools: plan.pools.map((pool) =>
        which === 'peak'
          ? { ...pool, peak: doubled(pool.peak), buffer: undefined }
          : pool.buffer
            ? { ...pool, buffer: { ...pool.buffer, withPeak: doubled(pool.buffer.withPeak) } }
            : pool,
      ),
    });
    const limit = (p: typeof plan) => Number(peakLimits(shape, p).cpu);
    expect(limit(grown('buffer'))).toBeGreaterThan(limit(plan));
    const withoutHeadroom = {
      ...plan,
      pools: plan.pools.map((pool) => ({ ...pool, buffer: undefined })),
    };
    expect(limit(grown('peak'))).toBeGreaterThan(limit(withoutHeadroom));
  });

  it('never consolidate busy nodes, keep drift replacement out of working hours, and empty nodes short-lived', () => {
    const { disruption } = nodePoolManifest(nodePoolShapes[0]!).spec;
    expect(disruption).toMatchObject({ consolidationPolicy: 'WhenEmpty', consolidateAfter: '5m' });
    expect(disruption?.budgets).toContainEqual({
      nodes: '0',
      reasons: ['Drifted'],
      schedule: '0 7 * * mon-fri',
      duration: '12h',
    });
  });
});
