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

  it('warm headroom: a buffer that asks for chunks and stays unprovisioned for 30 minutes, per buffer', () => {
    const monitor = byName('karpenter-capacitybuffer-unsatisfied');
    const scope = `kube_cluster_name:${ci.eks.clusterName}`;
    const replicas = `max:kubernetes_state_customresource.capacitybuffer_spec_replicas{${scope}} by {capacitybuffer_namespace,capacitybuffer}`;
    const provisioning = `max:kubernetes_state_customresource.capacitybuffer_condition{${scope},condition:provisioning} by {capacitybuffer_namespace,capacitybuffer}`;
    expect(datadogMonitor(monitor, context).spec.query).toBe(
      `min(last_30m):${replicas} - (${replicas} * ${provisioning}) > 0`,
    );
  });

  it('NodeOverlay refused: ValidationSucceeded False for 15 minutes, per overlay', () => {
    expect(datadogMonitor(byName('karpenter-nodeoverlay-invalid'), context).spec.query).toBe(
      `max(last_15m):min:kubernetes_state_customresource.nodeoverlay_condition{kube_cluster_name:${ci.eks.clusterName},condition:validationsucceeded} by {nodeoverlay} < 1`,
    );
  });

  it('render on the workload clusters only, where Karpenter runs', () => {
    expect(monitors.clusters).toBe('workload');
  });
});
