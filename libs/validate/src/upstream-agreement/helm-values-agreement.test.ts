import { documentedKeyPaths } from '@platform/charts';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { loadEmbeddedSchemas } from '../evaluators/schema-catalog/embedded-schemas';
import { declaredKeyPaths, hasKeyPath } from './helm-values-key-paths';
import { describeWithUpstream, upstreamDirectory } from './upstream-reference';

/**
 * Every key path a typed Helm values interface declares must exist in the chart's upstream
 * values.yaml of the same chart version: a key the chart does not read would be accepted by our
 * closed schema and silently ignored by Helm. Not descended into: free-form maps (labels,
 * annotations, nodeSelector) and Kubernetes objects typed by the model packages (affinity,
 * resources, tolerations), which charts render whole with toYaml; their fields are checked against
 * Kubernetes by the core agreement test.
 */
/**
 * Top-level sections that configure a bundled subchart, whose keys live in the subchart's own
 * values.yaml inside the package: datadog's `operator` (datadog-operator 2.25.0), checked against
 * that file by libs/charts/src/datadog/datadog-values.test.ts.
 */
const subchartSections: Record<string, string[]> = { datadog: ['operator'] };

describeWithUpstream(
  'typed Helm values interfaces declare only keys the upstream chart has',
  () => {
    const embedded = loadEmbeddedSchemas();

    for (const [key, definition] of Object.entries(embedded.helmValues)) {
      const [chart, version] = key.split('@') as [string, string];
      it(`${chart} ${version}: every declared key path exists in the chart's values.yaml`, () => {
        const valuesText = upstreamValuesText(chart, version);
        const upstream = parse(valuesText) as unknown;
        // Keys values.yaml documents only as comments (`# replicas: 1`) are read by the templates too.
        const documented = documentedKeyPaths(valuesText);

        const declared = declaredKeyPaths(embedded.definitions, definition).filter(
          (path) => !subchartSections[chart]?.includes(path[0]!),
        );
        expect(declared.length).toBeGreaterThan(10);
        const missing = declared
          .filter((path) => !hasKeyPath(upstream, path) && !documented.has(path.join('.')))
          .map((path) => path.join('.'));
        expect(missing).toEqual([]);
      });
    }
  },
);

/** The chart's values.yaml: the extracted snapshot of that version, else the packaged chart's. */
function upstreamValuesText(chart: string, version: string): string {
  const chartFile = join(upstreamDirectory, 'values', `${chart}-Chart.yaml`);
  if (existsSync(chartFile)) {
    expect((parse(readFileSync(chartFile, 'utf8')) as { version: string }).version).toBe(version);
    return readFileSync(join(upstreamDirectory, 'values', `${chart}-values.yaml`), 'utf8');
  }
  const packaged = join(upstreamDirectory, 'charts', `${chart}-${version}.tgz`);
  expect(existsSync(packaged), `no upstream snapshot or package of chart ${chart} ${version}`).toBe(
    true,
  );
  return execFileSync('tar', ['-xzOf', packaged, `${chart}/values.yaml`], { encoding: 'utf8' });
}
