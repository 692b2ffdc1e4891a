import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planClusterCapacity, type CapacityPlan } from '@platform/capacity';
import { clusterByName, inventory, type LoadProfile, type WarmHeadroom } from '@platform/config';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { collectYamlFiles } from '../workspace/collect-yaml-files';
import { repositoryRoot } from '../workspace/repository-root';
import { renderInMemory } from './render-pipeline';

/** The inventory's load profile and warm headroom, replaceable per test (read at render time). */
const change = vi.hoisted(() => ({
  loadProfile: undefined as LoadProfile | undefined,
  warmHeadroom: undefined as WarmHeadroom | undefined,
}));
vi.mock('@platform/config', async (importOriginal) => {
  const original = await importOriginal<typeof import('@platform/config')>();
  return {
    ...original,
    get loadProfile() {
      return change.loadProfile ?? original.loadProfile;
    },
    get warmHeadroom() {
      return change.warmHeadroom ?? original.warmHeadroom;
    },
  };
});

const committed = collectYamlFiles(repositoryRoot, [join(repositoryRoot, 'rendered', 'ci')]);
const ci = clusterByName(inventory, 'ci');

/** Renders the karpenter app under a change; the files that differ from rendered/, and the plan. */
async function renderWith(
  what: Partial<typeof change>,
): Promise<{ differing: Map<string, string>; plan: CapacityPlan }> {
  Object.assign(change, { loadProfile: undefined, warmHeadroom: undefined }, what);
  try {
    const { render } = await renderInMemory({ root: repositoryRoot, scope: { app: 'karpenter' } });
    const differing = new Map(
      render.files
        .filter((f) => f.content !== readFileSync(join(repositoryRoot, f.path), 'utf8'))
        .map((f) => [f.path, f.content]),
    );
    const files = committed.map((f) => ({ ...f, content: differing.get(f.path) ?? f.content }));
    return { differing, plan: planClusterCapacity(ci, files)! };
  } finally {
    Object.assign(change, { loadProfile: undefined, warmHeadroom: undefined });
  }
}

const warmCapacity = 'rendered/ci/karpenter/warm-capacity';
const nodePools = (paths: Iterable<string>) =>
  [...paths].filter((p) => p.startsWith('rendered/ci/karpenter/node-pools/')).sort();
/** An object without the given top-level spec fields, to show nothing else changed. */
const without = (content: string, ...fields: string[]) => {
  const object = parse(content);
  for (const field of fields) delete object.spec[field];
  return object;
};
const baseline = planClusterCapacity(ci, committed)!;

describe('changing the load profile or the warm headroom', () => {
  it('working hours 08:00–17:00: only the scaler schedules and the drift budgets move, and the per-day figures', async () => {
    const profile = (await import('@platform/config')).loadProfile;
    const { differing, plan } = await renderWith({
      loadProfile: { ...profile, workingHours: { start: 8, end: 17 } },
    });
    expect([...differing.keys()].sort()).toEqual(
      [
        `${warmCapacity}/cronjob-kube-system-warm-capacity-scaler-off.yaml`,
        `${warmCapacity}/cronjob-kube-system-warm-capacity-scaler-working-hours.yaml`,
        ...nodePools(committed.map((f) => f.path)),
      ].sort(),
    );
    const on = parse(
      differing.get(`${warmCapacity}/cronjob-kube-system-warm-capacity-scaler-working-hours.yaml`)!,
    );
    expect(on.spec.schedule).toBe('0 8-16 * * mon-fri');
    for (const path of nodePools(differing.keys()))
      expect(parse(differing.get(path)!).spec.disruption.budgets).toContainEqual({
        nodes: '0',
        reasons: ['Drifted'],
        schedule: '0 8 * * mon-fri',
        duration: '9h',
      });
    // Per hour nothing changes; a working day is 9 hours instead of 12.
    expect(plan.cost.usdPerHour).toEqual(baseline.cost.usdPerHour);
    expect(plan.cost.hours.working).toBe(9);
    expect(plan.cost.usdPerWorkingDay.buffer).toBeCloseTo(baseline.cost.usdPerHour.buffer * 9, 10);
    expect(plan.pools.map((p) => p.buffer?.chunks)).toEqual(
      baseline.pools.map((p) => p.buffer?.chunks),
    );
  });

  it('two pipelines of headroom: only the working-hours replicas and the NodePool limits move, and the buffer figures', async () => {
    const { differing, plan } = await renderWith({ warmHeadroom: { pipelines: 2 } });
    const scaler = `${warmCapacity}/cronjob-kube-system-warm-capacity-scaler-working-hours.yaml`;
    expect(differing.has(scaler)).toBe(true);
    for (const path of differing.keys()) expect([scaler, ...nodePools([path])]).toContain(path);
    for (const path of nodePools(differing.keys()))
      expect(without(differing.get(path)!, 'limits')).toEqual(
        without(readFileSync(join(repositoryRoot, path), 'utf8'), 'limits'),
      );
    const patched = parse(
      differing.get(scaler)!,
    ).spec.jobTemplate.spec.template.spec.containers.map((c: { name: string; args: string[] }) => [
      c.name,
      c.args.find((a) => a.startsWith('--patch=')),
    ]);
    const chunks = Object.fromEntries(plan.pools.map((p) => [p.name, p.buffer?.chunks ?? 0]));
    for (const [pool, patch] of patched)
      expect(patch).toBe(`--patch=${JSON.stringify({ spec: { replicas: chunks[pool] } })}`);
    expect(chunks['ci-jobs']).toBeGreaterThan(
      baseline.pools.find((p) => p.name === 'ci-jobs')!.buffer!.chunks,
    );
    expect(plan.cost.usdPerHour.peak).toBe(baseline.cost.usdPerHour.peak);
    expect(plan.cost.usdPerHour.typical).toBe(baseline.cost.usdPerHour.typical);
    expect(plan.cost.usdPerHour.buffer).toBeGreaterThan(baseline.cost.usdPerHour.buffer);
  });

  it('headroom off: the buffers stay, at zero all day; only the working-hours replicas and the limits move', async () => {
    const { differing, plan } = await renderWith({ warmHeadroom: { pipelines: 0 } });
    const scaler = `${warmCapacity}/cronjob-kube-system-warm-capacity-scaler-working-hours.yaml`;
    for (const path of differing.keys()) expect([scaler, ...nodePools([path])]).toContain(path);
    expect(differing.get(scaler)).not.toMatch(/"replicas":[1-9]/);
    expect(plan.cost.usdPerWorkingDay.buffer).toBe(0);
    expect(plan.cost.usdPerHour.peak).toBe(baseline.cost.usdPerHour.peak);
  });
});
