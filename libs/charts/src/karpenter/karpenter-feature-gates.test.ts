import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { karpenterChart } from './karpenter-chart';
import { karpenterFeatureGates } from './karpenter-feature-gates';

// The vendored package the controller is rendered from (part of the repository).
const packaged = resolve(
  __dirname,
  '../../../../vendor/charts',
  `${karpenterChart.chart}-${karpenterChart.version}.tgz`,
);
const read = (path: string) =>
  execFileSync('tar', ['-xzOf', packaged, `karpenter/${path}`], { encoding: 'utf8' });

describe("Karpenter's feature gates", () => {
  const valuesYaml = read('values.yaml');
  const featureGates = (
    parse(valuesYaml) as { settings: { featureGates: Record<string, boolean> } }
  ).settings.featureGates;

  it('are exactly the chart values settings.featureGates, with their defaults', () => {
    expect(Object.keys(karpenterFeatureGates).sort()).toEqual(Object.keys(featureGates).sort());
    for (const [key, gate] of Object.entries(karpenterFeatureGates))
      expect(featureGates[key], key).toBe(gate.default);
  });

  it('have the maturity the chart documents for each (`# -- <key> is ALPHA`)', () => {
    for (const [key, gate] of Object.entries(karpenterFeatureGates))
      expect(valuesYaml, key).toMatch(
        new RegExp(`# -- ${key} is ${gate.maturity.toUpperCase()}\\b`),
      );
  });

  it('reach the controller as FEATURE_GATES under their gate names', () => {
    const deployment = read('templates/deployment.yaml');
    for (const [key, gate] of Object.entries(karpenterFeatureGates))
      expect(deployment, key).toContain(`${gate.gate}={{ .Values.settings.featureGates.${key} }}`);
  });
});
