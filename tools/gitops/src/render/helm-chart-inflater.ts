import type { ChartInflater, ChartInflationRequest } from '@platform/core';
import {
  defaultInflationCacheDirectory,
  helmTemplate,
  inflationCache,
  inflationKey,
  resolveHelm,
  type HelmTemplateRequest,
  type InflationCache,
} from '../helm';
import { sha256File, vendoredChartPackage } from '../vendor';

/**
 * The render engine's inflater: the pinned Helm over the vendored, digest-checked package. The
 * package is verified before Helm runs, so a pin without its package, or a package whose digest
 * differs from the lock, fails with the pin's name and nothing renders.
 *
 * Helm's output is cached by everything that decides its bytes (inflationKey). The engine asks
 * for each chart twice and refuses a chart whose two outputs differ; the first time a key is seen
 * Helm really runs twice, and the output is cached only when both runs agree. Later renders read
 * it, with no Helm process at all.
 */
export function helmChartInflater(
  root: string,
  cache: InflationCache = inflationCache(defaultInflationCacheDirectory(root)),
): ChartInflater {
  return cachingInflater(async (request) => {
    const helm = await resolveHelm();
    const chartPackage = vendoredChartPackage(root, request.pin, request.declaredIn);
    const template = templateRequest(request, chartPackage);
    return {
      key: inflationKey(template, sha256File(chartPackage), helm.sha256),
      inflate: () => helmTemplate(template, helm),
    };
  }, cache);
}

/** How to inflate one request, and the cache key of its output. */
interface KeyedInflation {
  key: string;
  inflate(): Promise<string>;
}

/**
 * An inflater that answers from `cache`, or computes an output twice, concurrently, and caches
 * it only when both agree. The n-th call for a key within the process gets the n-th of the two
 * outputs, so the engine's own comparison of its two calls sees a difference Helm made.
 */
export function cachingInflater(
  prepare: (request: ChartInflationRequest) => Promise<KeyedInflation>,
  cache: InflationCache,
): ChartInflater {
  const seen = new Map<string, { outputs: Promise<readonly string[]>; served: number }>();
  return async (request) => {
    const { key, inflate } = await prepare(request);
    let entry = seen.get(key);
    if (!entry) {
      const cached = cache.read(key);
      const outputs =
        cached !== undefined
          ? Promise.resolve([cached])
          : Promise.all([inflate(), inflate()]).then((both) => {
              if (both[0] === both[1]) cache.write(key, both[0]);
              return both;
            });
      entry = { outputs, served: 0 };
      seen.set(key, entry);
      // A failure is not remembered: a retry in the same process runs Helm again.
      outputs.catch(() => seen.delete(key));
    }
    const outputs = await entry.outputs;
    return outputs[entry.served++ % outputs.length]!;
  };
}

function templateRequest(
  request: ChartInflationRequest,
  chartPackage: string,
): HelmTemplateRequest {
  return {
    chartPackage,
    releaseName: request.releaseName,
    namespace: request.namespace,
    kubeVersion: request.kubeVersion,
    apiVersions: [...request.apiVersions],
    includeCrds: request.includeCrds,
    values: request.values as object,
  };
}
