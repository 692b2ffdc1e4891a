import { existsSync, readFileSync } from 'node:fs';
import { clusterByName, inventory } from '@platform/config';
import { componentContext } from '@platform/core';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { committedFiles, committedObjects } from '@platform/rendered-tree';
import datadog from './component';

const placement = { app: 'observability', name: 'datadog', inventory };
const valuesFor = (cluster: string, inv = inventory) =>
  datadog.chart!.values(componentContext(datadog, { ...placement, inventory: inv }, cluster));

describe('the datadog values', () => {
  it('take the cluster name and site from the inventory, and the keys from existing Secrets', () => {
    const ci = clusterByName(inventory, 'ci');
    const values = valuesFor('ci');
    expect(values.datadog).toMatchObject({
      clusterName: ci.eks.clusterName,
      site: ci.observability!.datadogSite,
      apiKeyExistingSecret: 'datadog-api-key',
      appKeyExistingSecret: 'datadog-app-key',
    });
    expect(values.operator).toMatchObject({
      clusterName: ci.eks.clusterName,
      site: ci.observability!.datadogSite,
      apiKeyExistingSecret: 'datadog-api-key',
      appKeyExistingSecret: 'datadog-app-key',
      datadogMonitor: { enabled: true },
    });
    expect(values.clusterAgent?.tokenExistingSecret).toBe('datadog-cluster-agent-token');
    expect(values.datadog?.apm?.instrumentation?.skipKPITelemetry).toBe(true);
  });

  it('follow a site change in the inventory', () => {
    const moved = structuredClone(inventory);
    moved.clusters.find((c) => c.name === 'ci')!.observability!.datadogSite = 'datadoghq.com';
    expect(valuesFor('ci', moved).datadog?.site).toBe('datadoghq.com');
  });

  it('name the cluster and file when a cluster has no observability entry', () => {
    const bare = structuredClone(inventory);
    delete bare.clusters.find((c) => c.name === 'ci')!.observability;
    expect(() => valuesFor('ci', bare)).toThrow(
      /cluster ci has no observability entry \(libs\/config\/src\/clusters\/ci.ts/,
    );
  });

  it('scrape what the catalog deploys: Karpenter and the runners on ci, Argo CD on mgmt', () => {
    // The committed values were rendered with the whole catalog (a component test sees only itself).
    const values = (cluster: string) =>
      parse(committedFiles(`rendered/${cluster}/observability/datadog/values.yaml`)[0]!.content);
    const ci = values('ci');
    expect(Object.keys(ci.clusterAgent.advancedConfd['openmetrics.d']).sort()).toEqual([
      'fluent-bit.yaml',
      'karpenter.yaml',
    ]);
    expect(ci.datadog.confd['openmetrics.yaml']).toContain('gitlab-runner');
    const mgmt = values('mgmt');
    expect(Object.keys(mgmt.clusterAgent.advancedConfd['openmetrics.d']).sort()).toEqual([
      'argocd-application-controller.yaml',
      'fluent-bit.yaml',
    ]);
    expect(mgmt.datadog.confd).toBeUndefined();
  });
});

describe('the rendered datadog component', () => {
  for (const cluster of ['ci', 'mgmt']) {
    const folder = `rendered/${cluster}/observability/datadog`;

    it(`${cluster}: no Secret and no random value (token, install id, install time)`, () => {
      const objects = committedObjects(folder);
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
      const telemetry = objects.find((o) => o.metadata.name === 'datadog-kpi-telemetry-configmap');
      expect(telemetry?.data).toMatchObject({
        install_id: '00000000-0000-0000-0000-000000000000',
        install_time: '0',
      });
      const token = objects.flatMap((o) => JSON.stringify(o).match(/"token":"[^"]+"/g) ?? []);
      expect(token).toEqual([]);
    });

    it(`${cluster}: sets resources on every container and runs the operator for monitors`, () => {
      const workloads = committedObjects(folder).filter((o) =>
        ['DaemonSet', 'Deployment'].includes(o.kind),
      );
      expect(workloads.map((w) => w.metadata.name).sort()).toEqual([
        'datadog',
        'datadog-cluster-agent',
        'datadog-operator',
      ]);
      for (const workload of workloads) {
        const spec = workload.spec.template.spec;
        for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
          expect(
            container.resources?.requests,
            `${workload.metadata.name}/${container.name}`,
          ).toBeDefined();
          expect(container.resources?.limits?.memory).toBeDefined();
        }
      }
      const crds = committedObjects(folder).filter((o) => o.kind === 'CustomResourceDefinition');
      expect(crds.map((c) => c.metadata.name)).toEqual(['datadogmonitors.datadoghq.com']);
    });
  }

  const schemaFile = '/work/shared/upstream/values/datadog-values.schema.json';
  const sharedSchema = [
    `${__dirname}/../../../../../shared/upstream/values/datadog-values.schema.json`,
    schemaFile,
  ].find(existsSync);
  if (sharedSchema) {
    it("validates the rendered values against the chart's own values.schema.json", () => {
      const schema = JSON.parse(readFileSync(sharedSchema, 'utf8'));
      delete schema.$schema;
      const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
      for (const cluster of ['ci', 'mgmt']) {
        const [file] = committedFiles(`rendered/${cluster}/observability/datadog/values.yaml`);
        expect(validate(parse(file!.content)), JSON.stringify(validate.errors)).toBe(true);
      }
      // The schema is not empty: a value of the wrong type fails.
      expect(validate({ registryMigrationMode: 'sometimes' })).toBe(false);
    });
  } else {
    console.warn('skipping the values.schema.json check: no shared/upstream/values found');
    it.skip("validates the rendered values against the chart's values.schema.json (needs ../shared)", () => {});
  }
});

describe('the node agents’ policy exemptions', () => {
  it('are reasoned and limited to the observability namespace (or its own ClusterRole)', async () => {
    const { datadogExemptions } = await import('./datadog-exemptions');
    const { fluentBitExemptions } = await import('../fluent-bit/fluent-bit-exemptions');
    for (const exemption of [...datadogExemptions, ...fluentBitExemptions]) {
      expect(exemption.reason.length, exemption.name).toBeGreaterThan(40);
      if (exemption.kind === 'ClusterRole') expect(exemption.name).toBe('datadog-operator');
      else expect(exemption.namespace).toBe('observability');
    }
    const hostAccess = [...datadogExemptions, ...fluentBitExemptions].filter(
      (e) => e.rule === 'host-access',
    );
    expect(hostAccess.map((e) => `${e.kind}/${e.name}`)).toEqual([
      'DaemonSet/datadog',
      'DaemonSet/fluent-bit',
    ]);
  });

  it('no agent uses the host network or host PID namespace', () => {
    for (const cluster of ['ci', 'mgmt']) {
      for (const daemonSet of committedObjects(`rendered/${cluster}/observability`).filter(
        (o) => o.kind === 'DaemonSet',
      )) {
        expect(daemonSet.spec.template.spec.hostNetwork ?? false).toBe(false);
        expect(daemonSet.spec.template.spec.hostPID ?? false).toBe(false);
      }
    }
  });
});

describe('the custom resources the kube-state-metrics core check watches', () => {
  const collected = (cluster: string) =>
    (
      parse(committedFiles(`rendered/${cluster}/observability/datadog/values.yaml`)[0]!.content)
        .datadog.kubeStateMetricsCore.collectCrMetrics ?? []
    ).map((r: { groupVersionKind: { kind: string } }) => r.groupVersionKind.kind);

  it('are the Karpenter kinds where Karpenter runs, and none elsewhere', () => {
    expect(collected('ci')).toEqual(['CapacityBuffer', 'NodeOverlay']);
    expect(collected('mgmt')).toEqual([]);
  });

  it('are readable by the cluster agent: list and watch on each kind, nothing more', () => {
    const [role] = committedObjects('rendered/ci/observability/datadog').filter(
      (o) => o.kind === 'ClusterRole' && o.metadata.name.endsWith('-ksm-core'),
    );
    for (const [group, resource] of [
      ['autoscaling.x-k8s.io', 'capacitybuffers'],
      ['karpenter.sh', 'nodeoverlays'],
    ])
      expect(role!.rules).toContainEqual({
        apiGroups: [group],
        resources: [resource],
        verbs: ['list', 'watch'],
      });
  });
});
