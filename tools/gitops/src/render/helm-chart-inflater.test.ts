import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartPin } from '@platform/charts';
import {
  inflateComponentChart,
  RenderError,
  type ChartInflationRequest,
  type ComponentContext,
} from '@platform/core';
import { afterAll, describe, expect, it } from 'vitest';
import { inflationCache } from '../helm';
import { karpenterPackageFixture, temporaryVendorRoot } from '../vendor';
import { cachingInflater, helmChartInflater } from './helm-chart-inflater';

const scratch = mkdtempSync(join(tmpdir(), 'gitops-chart-inflater-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pin = chartPin({ chart: 'karpenter', version: '1.14.1', repository: 'oci://example' });
const request: ChartInflationRequest = {
  pin,
  declaredIn: 'apps/karpenter/src/controller/component.ts',
  releaseName: 'karpenter',
  namespace: 'kube-system',
  kubeVersion: '1.33',
  apiVersions: [],
  includeCrds: false,
  values: { settings: { clusterName: 'test' } },
};

/** An inflater over `outputs()` (a stand-in for Helm) that counts its runs. */
function countingInflater(directory: string, outputs: () => string) {
  const counter = { runs: 0 };
  const inflate = cachingInflater(
    async () => ({
      key: 'same-inputs',
      inflate: async () => {
        counter.runs += 1;
        return outputs();
      },
    }),
    inflationCache(directory),
  );
  return { inflate, counter };
}

const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: kube-system\n`;

describe('the cached inflater', () => {
  it('runs Helm twice for an output it has not seen, caches it, and later renders run no Helm', async () => {
    const directory = join(scratch, 'stable');
    const first = countingInflater(directory, () => configMap('a'));
    // The engine asks twice, concurrently, and compares.
    const outputs = await Promise.all([first.inflate(request), first.inflate(request)]);
    expect(outputs).toEqual([configMap('a'), configMap('a')]);
    expect(first.counter.runs).toBe(2);
    expect(readdirSync(directory)).toHaveLength(1);
    // A later process: the same inputs are read back, with no Helm run.
    const later = countingInflater(directory, () => configMap('never'));
    expect(await Promise.all([later.inflate(request), later.inflate(request)])).toEqual([
      configMap('a'),
      configMap('a'),
    ]);
    expect(later.counter.runs).toBe(0);
  });

  it('caches nothing when the two runs differ, and hands the engine both, so it refuses the chart', async () => {
    const directory = join(scratch, 'random');
    let n = 0;
    const random = countingInflater(directory, () => configMap(`token-${(n += 1)}`));
    const context = {
      component: {
        name: 'controller',
        app: 'karpenter',
        file: request.declaredIn,
        namespace: 'kube-system',
        chart: { pin, values: () => ({}) },
      },
      cluster: { name: 'ci', eks: { kubernetesVersion: '1.33' } },
    } as unknown as ComponentContext;
    const refusal = inflateComponentChart(context, request.values, random.inflate, 'here').catch(
      (error: unknown) => error,
    );
    expect(await refusal).toBeInstanceOf(RenderError);
    expect(String(await refusal)).toMatch(/renders differently each time/);
    expect(random.counter.runs).toBe(2);
    expect(existsSync(directory)).toBe(false);
  });
});

describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
  'helmChartInflater with the pinned Helm',
  () => {
    it('gives the bytes Helm gives, from the cache the second time', async () => {
      const vendor = temporaryVendorRoot([karpenterPackageFixture()]);
      try {
        const cache = join(scratch, 'helm');
        const uncached = await helmChartInflater(
          vendor.root,
          inflationCache(join(scratch, 'none')),
        )(request);
        const first = helmChartInflater(vendor.root, inflationCache(cache));
        expect(await Promise.all([first(request), first(request)])).toEqual([uncached, uncached]);
        expect(readdirSync(cache)).toHaveLength(1);
        const second = helmChartInflater(vendor.root, inflationCache(cache));
        expect(await second(request)).toBe(uncached);
      } finally {
        vendor.dispose();
      }
    });
  },
);
