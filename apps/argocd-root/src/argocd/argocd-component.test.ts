import { clusterByName, inventory, managementCluster } from '@platform/config';
import { PlatformChart, resourceFileName, toYaml } from '@platform/core';
import { policyExemptionAnnotation } from '@platform/manifests';
import { checkPolicy } from '@platform/policy';
import { validate } from '@platform/validate';
import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import component from './component';
import { selfContainmentProblems, type BootstrapObject } from './bootstrap/self-contained';
import { noVendoredInstall, vendoredInstallForTests } from './fixtures/vendored-install-file';
import { applicationHealthCheckKey } from './settings/application-health-check';
import { argocdCmdParams } from './settings/argocd-cmd-params-cm';

const vendored = vendoredInstallForTests();
if (!vendored) console.log(`skipping the Argo CD component tests: ${noVendoredInstall}`);
const directory = 'rendered/mgmt/argocd-root/argocd';

/**
 * The component rendered in memory the way the engine renders it: its resources into a
 * PlatformChart, its exemptions as annotations, one file per object.
 */
function renderComponent(withExemptions = true): { path: string; content: string; object: any }[] {
  const cluster = managementCluster(inventory);
  const context = {
    inventory,
    cluster: clusterByName(inventory, cluster.name),
    component: { app: 'argocd-root', name: 'argocd', namespace: component.namespace } as any,
    vendored: () => vendored!.documents,
  };
  const chart = new PlatformChart(new App(), context as any);
  component.resources!(chart, context as any);
  return chart.toJson().map((object: any) => {
    const { kind, metadata } = object;
    if (withExemptions) {
      for (const exemption of component.exemptions ?? []) {
        if (
          exemption.kind === kind &&
          exemption.name === metadata.name &&
          exemption.namespace === metadata.namespace
        ) {
          metadata.annotations = {
            ...metadata.annotations,
            [policyExemptionAnnotation(exemption.rule)]: exemption.reason,
          };
        }
      }
    }
    const path = `${directory}/${resourceFileName({ apiVersion: object.apiVersion, kind, name: metadata.name, namespace: metadata.namespace })}`;
    return { path, content: toYaml(object), object };
  });
}

describe.skipIf(!vendored)('the argocd component over the vendored 3.5.1 HA install', () => {
  const files = vendored ? renderComponent() : [];
  const find = (kind: string, name: string) =>
    files.find((f) => f.object.kind === kind && f.object.metadata.name === name)!.object;

  it('renders every upstream object, the namespace and the disruption budgets, one file each', () => {
    const key = (o: any) => `${o.kind}/${o.metadata.name}`;
    const rendered = files.map((f) => key(f.object));
    for (const upstream of vendored!.documents) expect(rendered).toContain(key(upstream));
    const added = rendered.filter((k) => !vendored!.documents.some((u) => key(u) === k));
    expect(added.sort()).toEqual([
      'Namespace/argocd',
      'PodDisruptionBudget/argocd-redis-ha-haproxy',
      'PodDisruptionBudget/argocd-redis-ha-server',
      'PodDisruptionBudget/argocd-repo-server',
      'PodDisruptionBudget/argocd-server',
    ]);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('has the Application health check in argocd-cm', () => {
    expect(find('ConfigMap', 'argocd-cm').data[applicationHealthCheckKey]).toContain(
      'obj.status.health',
    );
  });

  it('passes every policy rule, with exactly the declared exemptions, none of them stale', () => {
    const report = checkPolicy(files);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.exemptions).toHaveLength(component.exemptions!.length);
    // Without the annotations, each exempted object must still break its rule.
    const exempted = (object: any) =>
      component.exemptions!.some((e) => e.kind === object.kind && e.name === object.metadata.name);
    const unexempted = checkPolicy(renderComponent(false).filter((f) => exempted(f.object)));
    for (const exemption of component.exemptions!) {
      expect(
        unexempted.findings.some(
          (f) => f.rule === exemption.rule && f.resource === `${exemption.kind}/${exemption.name}`,
        ),
        `${exemption.rule} on ${exemption.kind}/${exemption.name} is no longer needed`,
      ).toBe(true);
    }
  });

  it('validates against the schemas', async () => {
    expect((await validate(files, { engine: 'embedded' })).findings).toEqual([]);
  });

  it('is self-contained: applies to an empty cluster with nothing else', () => {
    const objects = files.map((f) => ({ file: f.path, ...f.object }) as BootstrapObject);
    expect(selfContainmentProblems(objects)).toEqual([]);
  });

  it('sets only argocd-cmd-params-cm keys that a 3.5.1 component reads', () => {
    const readKeys = new Set(
      [
        ...JSON.stringify(vendored!.documents).matchAll(
          /"configMapKeyRef":\{"key":"([^"]+)","name":"argocd-cmd-params-cm"/g,
        ),
      ].map((m) => m[1]),
    );
    expect(readKeys.size).toBeGreaterThan(50);
    for (const key of Object.keys(argocdCmdParams())) expect(readKeys, key).toContain(key);
  });
});
