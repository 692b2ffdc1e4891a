import { clusterByName, inventory } from '@platform/config';
import { componentContext } from '@platform/core';
import { datadogMonitor, monitorTerms } from '@platform/monitoring';
import { describe, expect, it } from 'vitest';
import monitors, { karpenterMonitors } from './component';

const ci = clusterByName(inventory, 'ci');
const definitions = karpenterMonitors(
  componentContext(monitors, { app: 'karpenter', name: 'monitors', inventory }, 'ci'),
);
const byName = (name: string) => definitions.find((d) => d.name === name)!;
const context = { clusterName: 'ci', namespace: 'observability', repository: inventory.repository };

describe("Karpenter's monitors", () => {
  it('launch errors: Karpenter cloud provider errors on this cluster, counted per error', () => {
    const monitor = byName('karpenter-cloudprovider-errors');
    const [term] = monitorTerms(monitor);
    expect(term).toMatchObject({
      metric: 'platform.karpenter.cloudprovider.errors.count',
      scope: { kube_cluster_name: ci.eks.clusterName },
      by: ['error'],
      asCount: true,
    });
    expect(datadogMonitor(monitor, context).spec.query).toBe(
      `sum(last_15m):sum:platform.karpenter.cloudprovider.errors.count{kube_cluster_name:${ci.eks.clusterName}} by {error}.as_count() > 20`,
    );
  });

  it('NodePool at its limits: CPU usage over the CPU limit, per NodePool', () => {
    const terms = monitorTerms(byName('karpenter-nodepool-at-limit'));
    expect(terms.map((t) => t.metric)).toEqual([
      'platform.karpenter.nodepools.usage',
      'platform.karpenter.nodepools.limit',
    ]);
    for (const term of terms) {
      expect(term.scope).toEqual({ kube_cluster_name: ci.eks.clusterName, resource_type: 'cpu' });
      expect(term.by).toEqual(['nodepool']);
    }
  });

  it('render on the workload clusters only, where Karpenter runs', () => {
    expect(monitors.clusters).toBe('workload');
  });
});
