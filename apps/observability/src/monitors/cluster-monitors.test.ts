import { clusterByName, inventory } from '@platform/config';
import { componentContext } from '@platform/core';
import { monitorTerms } from '@platform/monitoring';
import { describe, expect, it } from 'vitest';
import monitors, { clusterMonitors } from './component';
import { subnetFreeIps, subnetFreeShare, subnetUsageNoDataMinutes } from './subnet-free-ips';

const placement = { app: 'observability', name: 'monitors', inventory };
const definitionsFor = (cluster: string) =>
  clusterMonitors(componentContext(monitors, placement, cluster));

describe('the cluster-wide monitors', () => {
  for (const name of ['ci', 'mgmt']) {
    const cluster = clusterByName(inventory, name);
    const definitions = definitionsFor(name);
    const byName = (monitor: string) => definitions.find((d) => d.name === monitor)!;

    it(`${name}: each query names the metric it claims, scoped to the cluster`, () => {
      const claims: Record<string, string[]> = {
        'node-not-ready': ['kubernetes_state.node.by_condition'],
        'pods-pending': ['kubernetes_state.pod.status_phase'],
        'fluent-bit-output-errors': ['platform.fluentbit.output.errors.count'],
        'agent-daemonset-unavailable': [
          'kubernetes_state.daemonset.desired',
          'kubernetes_state.daemonset.ready',
        ],
      };
      for (const [monitor, metrics] of Object.entries(claims)) {
        const terms = monitorTerms(byName(monitor));
        expect(terms.map((t) => t.metric)).toEqual(metrics);
        for (const term of terms)
          expect(term.scope.kube_cluster_name).toBe(cluster.eks.clusterName);
      }
      expect(monitorTerms(byName('node-not-ready'))[0]!.scope).toMatchObject({
        condition: 'ready',
        status: 'false',
      });
      expect(monitorTerms(byName('pods-pending'))[0]!.scope.pod_phase).toBe('pending');
      expect(monitorTerms(byName('agent-daemonset-unavailable'))[0]!.scope.kube_namespace).toBe(
        'observability',
      );
    });

    it(`${name}: one subnet monitor per node subnet of the inventory, thresholds from its size`, () => {
      const subnets = cluster.network.subnets.filter((s) => s.purpose === 'nodes');
      const subnetMonitors = definitions.filter((d) => d.name.startsWith('subnet-free-ips-'));
      expect(subnetMonitors.map((d) => d.name)).toEqual(
        subnets.map((s) => `subnet-free-ips-${s.name}`),
      );
      for (const [index, monitor] of subnetMonitors.entries()) {
        const [term] = monitorTerms(monitor);
        expect(term!.metric).toBe('aws.ipam.subnet_ipusage');
        expect(term!.scope).toEqual({
          aws_account: cluster.aws.accountId,
          region: cluster.aws.region,
          name: subnets[index]!.name,
        });
        expect(monitor.thresholds).toEqual({
          critical: (1 - subnetFreeShare.critical) * 100,
          warning: (1 - subnetFreeShare.warning) * 100,
        });
        expect(monitor.runbook).toBe('subnet-free-ips');
        // A lapsed prerequisite (no AWS/IPAM data in Datadog) alerts instead of staying silent.
        expect(monitor.noDataMinutes).toBe(subnetUsageNoDataMinutes);
      }
    });

    it(`${name}: renders the subnet monitors only while the inventory states the VPC IPAM prerequisite`, () => {
      expect(cluster.observability?.subnetIpUsage).toBe('vpc-ipam');
      const without = {
        ...cluster,
        observability: { ...cluster.observability!, subnetIpUsage: 'none' as const },
      };
      expect(subnetFreeIps(without)).toEqual([]);
      expect(subnetFreeIps(cluster).length).toBe(
        cluster.network.subnets.filter((s) => s.purpose === 'nodes').length,
      );
    });
  }
});
