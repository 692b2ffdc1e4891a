import { clusterByName, inventory } from '@platform/config';
import { componentContext } from '@platform/core';
import { monitorTerms } from '@platform/monitoring';
import { describe, expect, it } from 'vitest';
import monitors, { argocdMonitors } from './component';

const mgmt = clusterByName(inventory, 'mgmt');
const definitions = argocdMonitors(
  componentContext(monitors, { app: 'argocd-root', name: 'monitors', inventory }, 'mgmt'),
);

describe("Argo CD's monitors", () => {
  it('watch argocd_app_info on the management cluster, per Application', () => {
    expect(
      definitions.map((d) => [d.name, monitorTerms(d).map((t) => [t.metric, t.scope, t.by])]),
    ).toEqual([
      [
        'argocd-application-degraded',
        [
          [
            'platform.argocd.app.info',
            { kube_cluster_name: mgmt.eks.clusterName, health_status: 'degraded' },
            ['name'],
          ],
        ],
      ],
      [
        'argocd-application-out-of-sync',
        [
          [
            'platform.argocd.app.info',
            { kube_cluster_name: mgmt.eks.clusterName, sync_status: 'outofsync' },
            ['name'],
          ],
        ],
      ],
    ]);
  });

  it('render on the management cluster, whose Datadog Operator reconciles them', () => {
    expect(monitors.clusters).toBe('management');
  });
});
