import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { loadEmbeddedSchemas } from '../index';
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
        const chartFile = join(upstreamDirectory, 'values', `${chart}-Chart.yaml`);
        expect(existsSync(chartFile), `no upstream snapshot of chart ${chart}`).toBe(true);
        expect((parse(readFileSync(chartFile, 'utf8')) as { version: string }).version).toBe(
          version,
        );
        const upstream = parse(
          readFileSync(join(upstreamDirectory, 'values', `${chart}-values.yaml`), 'utf8'),
        ) as unknown;

        const declared = declaredKeyPaths(embedded.definitions, definition).filter(
          (path) => !subchartSections[chart]?.includes(path[0]!),
        );
        expect(declared.length).toBeGreaterThan(10);
        const missing = declared
          .filter((path) => !hasKeyPath(upstream, path))
          .map((path) => path.join('.'));
        expect(missing).toEqual([]);
      });
    }
  },
);
