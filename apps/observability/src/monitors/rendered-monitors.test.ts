import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventory } from '@platform/config';
import { checkRunbooks, runbooksRoot } from '@platform/monitoring';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { committedFiles, committedObjects, repositoryRoot } from '@platform/rendered-tree';

const renderedMonitors = committedObjects('rendered').filter((o) => o.kind === 'DatadogMonitor');
const clusters = ['ci', 'mgmt'];

/**
 * The Datadog metric names a cluster's agents produce from the scrapes and the custom resource
 * state gauges in its datadog values.
 */
function scrapedMetrics(cluster: string): Set<string> {
  const values = parse(
    committedFiles(`rendered/${cluster}/observability/datadog/values.yaml`)[0]!.content,
  );
  const configs = [
    ...Object.values<string>(values.clusterAgent.advancedConfd?.['openmetrics.d'] ?? {}),
    ...Object.values<string>(values.datadog.confd ?? {}),
  ];
  const names = new Set<string>();
  for (const config of configs)
    for (const instance of parse(config).instances)
      for (const metric of instance.metrics)
        for (const name of Object.values<string>(metric)) {
          names.add(`${instance.namespace}.${name}`);
          names.add(`${instance.namespace}.${name}.count`);
          // A histogram: its sum and count.
          names.add(`${instance.namespace}.${name}.sum`);
        }
  // Custom resource state gauges of the kube-state-metrics core check.
  for (const resource of values.datadog.kubeStateMetricsCore?.collectCrMetrics ?? [])
    for (const metric of resource.metrics)
      names.add(`kubernetes_state_customresource.${metric.name}`);
  return names;
}

describe('every rendered DatadogMonitor', () => {
  it('is rendered on ci and mgmt, in the namespace the operator watches', () => {
    expect(renderedMonitors.length).toBeGreaterThan(10);
    expect(new Set(renderedMonitors.map((m) => m.metadata.namespace))).toEqual(
      new Set(['observability']),
    );
  });

  it('links an existing runbook, and every runbook is linked', () => {
    const runbooks = committedFiles(runbooksRoot);
    expect(runbooks.length).toBeGreaterThan(5);
    const findings = checkRunbooks({
      repository: inventory.repository,
      renderedFiles: committedFiles('rendered'),
      runbooks,
    });
    expect(findings).toEqual([]);
  });

  for (const cluster of clusters) {
    it(`${cluster}: queries only metrics Datadog collects there (built-in or scraped)`, () => {
      const scraped = scrapedMetrics(cluster);
      const monitors = committedObjects(`rendered/${cluster}`).filter(
        (o) => o.kind === 'DatadogMonitor',
      );
      const metrics = monitors.flatMap((m) =>
        [...m.spec.query.matchAll(/:([a-z_.]+)\{/g)].map((match) => match[1] as string),
      );
      expect(metrics.length).toBeGreaterThan(0);
      const unknown = metrics.filter(
        (metric) => !/^(kubernetes_state|aws)\./.test(metric) && !scraped.has(metric),
      );
      expect(unknown).toEqual([]);
    });
  }

  it('validates against the DatadogMonitor CRD the datadog chart installs', () => {
    const [crd] = committedObjects('rendered/ci/observability/datadog').filter(
      (o) => o.kind === 'CustomResourceDefinition',
    );
    const version = crd!.spec.versions.find((v: { name: string }) => v.name === 'v1alpha1');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      closed(version.schema.openAPIV3Schema),
    );
    for (const monitor of renderedMonitors)
      expect(
        validate(monitor),
        `${monitor.metadata.name}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    expect(
      validate({ ...renderedMonitors[0], spec: { ...renderedMonitors[0]!.spec, priorty: 1 } }),
    ).toBe(false);
  });

  const upstreamCrd = join(
    repositoryRoot,
    '../shared/upstream/crds/datadoghq.com_datadogmonitors_v1alpha1.json',
  );
  if (existsSync(upstreamCrd)) {
    it('validates against the Datadog Operator 1.29.0 CRD in the upstream snapshot too', () => {
      const schema = closed(JSON.parse(readFileSync(upstreamCrd, 'utf8')));
      delete schema.$schema;
      const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
      for (const { file, ...monitor } of renderedMonitors)
        expect(validate(monitor), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    });
  } else {
    console.warn('skipping the upstream DatadogMonitor CRD check: no shared/upstream/crds found');
    it.skip('validates against the upstream DatadogMonitor CRD (needs ../shared)', () => {});
  }
});

/** The CRD schema with every object closed below spec, so a misspelt field fails as the API would prune it. */
function closed(schema: Record<string, any>): Record<string, any> {
  const visit = (node: Record<string, any>, depth: number) => {
    if (node.properties) {
      if (
        depth > 0 &&
        node.additionalProperties === undefined &&
        !node['x-kubernetes-preserve-unknown-fields']
      )
        node.additionalProperties = false;
      for (const child of Object.values<Record<string, any>>(node.properties))
        visit(child, depth + 1);
    }
    if (node.items) visit(node.items, depth + 1);
  };
  const copy = structuredClone(schema);
  visit(copy.properties?.spec ?? {}, 1);
  return copy;
}
