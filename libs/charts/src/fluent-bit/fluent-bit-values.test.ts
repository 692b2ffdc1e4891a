import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { declaredKeyPaths } from '../upstream-keys/declared-key-paths';
import { renovateCommentAbove } from '../upstream-agreement/renovate-comment';
import {
  hasKeyPath,
  upstreamDirectory,
  upstreamValues,
} from '../upstream-agreement/upstream-snapshot';
import { fluentBitChart, fluentBitValuesWrittenAgainst } from './fluent-bit-values';

const source = fileURLToPath(new URL('./fluent-bit-values.ts', import.meta.url));

describe('the fluent-bit chart pin', () => {
  it('pins the version the values interface was written against', () => {
    expect(fluentBitChart).toMatchObject({
      chart: 'fluent-bit',
      version: fluentBitValuesWrittenAgainst,
      repository: 'https://fluent.github.io/helm-charts',
    });
  });

  it('carries the Renovate comment on the line above its version', () => {
    expect(renovateCommentAbove(readFileSync(source, 'utf8'), fluentBitChart.version)).toBe(
      'datasource=helm depName=fluent-bit registryUrl=https://fluent.github.io/helm-charts',
    );
  });
});

if (upstreamDirectory) {
  it('fluent-bit 0.58.1: every declared key path is in the chart values.yaml', () => {
    const chart = parse(readFileSync(`${upstreamDirectory}/values/fluent-bit-Chart.yaml`, 'utf8'));
    expect((chart as { version: string }).version).toBe(fluentBitValuesWrittenAgainst);
    const declared = declaredKeyPaths(source, 'FluentBitValues');
    expect(declared.length).toBeGreaterThan(30);
    const upstream = upstreamValues('fluent-bit');
    expect(declared.filter((path) => !hasKeyPath(upstream, path)).map((p) => p.join('.'))).toEqual(
      [],
    );
  });
} else {
  console.warn(
    'skipping fluent-bit upstream agreement: no ../shared/upstream or /work/shared/upstream',
  );
  it.skip('FluentBitValues declares only upstream keys (needs the upstream snapshot)', () => {});
}
