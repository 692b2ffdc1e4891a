import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { declaredKeyPaths } from '../upstream-keys/declared-key-paths';
import { renovateCommentAbove } from '../upstream-agreement/renovate-comment';
import {
  hasKeyPath,
  upstreamChartFile,
  upstreamDirectory,
  upstreamValues,
} from '../upstream-agreement/upstream-snapshot';
import { datadogChart, datadogValuesWrittenAgainst } from './datadog-values';

const source = fileURLToPath(new URL('./datadog-values.ts', import.meta.url));

describe('the datadog chart pin', () => {
  it('pins the version the values interface was written against', () => {
    expect(datadogChart).toMatchObject({
      chart: 'datadog',
      version: datadogValuesWrittenAgainst,
      repository: 'https://helm.datadoghq.com',
    });
  });

  it('carries the Renovate comment on the line above its version', () => {
    expect(renovateCommentAbove(readFileSync(source, 'utf8'), datadogChart.version)).toBe(
      'datasource=helm depName=datadog registryUrl=https://helm.datadoghq.com',
    );
  });
});

if (upstreamDirectory) {
  describe('DatadogValues declares only keys the upstream chart reads', () => {
    const declared = declaredKeyPaths(source, 'DatadogValues');

    it('datadog 3.240.0: every key outside the operator subchart is in values.yaml', () => {
      const chart = parse(readFileSync(`${upstreamDirectory}/values/datadog-Chart.yaml`, 'utf8'));
      expect((chart as { version: string }).version).toBe(datadogValuesWrittenAgainst);
      const upstream = upstreamValues('datadog');
      const own = declared.filter((path) => path[0] !== 'operator');
      expect(own.length).toBeGreaterThan(40);
      expect(own.filter((path) => !hasKeyPath(upstream, path)).map((p) => p.join('.'))).toEqual([]);
    });

    // The parent's own `operator:` section (image tag, controllers, CRD switches) or the subchart's.
    it('every operator.* key is in the parent operator section or the subchart values.yaml', () => {
      const parent = (upstreamValues('datadog') as { operator: unknown }).operator;
      const subchart = parse(
        upstreamChartFile(
          `datadog-${datadogValuesWrittenAgainst}.tgz`,
          'datadog/charts/datadog-operator/values.yaml',
        ),
      );
      const operator = declared
        .filter((path) => path[0] === 'operator' && path.length > 1)
        .map((path) => path.slice(1));
      expect(operator.length).toBeGreaterThan(10);
      expect(
        operator
          .filter((path) => !hasKeyPath(subchart, path) && !hasKeyPath(parent, path))
          .map((p) => p.join('.')),
      ).toEqual([]);
    });
  });
} else {
  console.warn(
    'skipping datadog upstream agreement: no ../shared/upstream or /work/shared/upstream',
  );
  it.skip('DatadogValues declares only upstream keys (needs the upstream snapshot)', () => {});
}
