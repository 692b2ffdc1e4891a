import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  pruneCacheDirectory,
  readCheckedFile,
  writeCheckedFile,
} from '../cache/checked-cache-file';
import { helmTemplateArguments, type HelmTemplateRequest } from './helm-template';

/**
 * Bump when anything that decides Helm's output changes outside the key below (the environment
 * Helm runs in, how the values file is written): every entry of an older format is then a miss.
 */
const inflationFormat = 1;

/** Entries not used for this long are removed when a new one is written. */
const unusedLifetimeMs = 14 * 24 * 60 * 60 * 1000;

/**
 * Everything that decides the bytes of one `helm template` run: the chart package's and the Helm
 * binary's sha256, the values exactly as Helm reads them, and every argument (release name,
 * namespace, Kubernetes version, API versions, CRDs) with the package's and values file's paths
 * left out, since the same bytes may live anywhere.
 */
export function inflationKey(
  request: HelmTemplateRequest,
  chartSha256: string,
  helmSha256: string,
): string {
  const placeheld = { ...request, chartPackage: 'chart.tgz' };
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: inflationFormat,
        chart: chartSha256,
        helm: helmSha256,
        arguments: helmTemplateArguments(placeheld, 'values.json'),
        values: JSON.stringify(request.values),
      }),
    )
    .digest('hex');
}

/** Helm outputs by key, as files; each entry carries the sha256 of its output. */
export interface InflationCache {
  read(key: string): string | undefined;
  write(key: string, output: string): void;
}

/**
 * The cache in `directory` (node_modules/.cache/gitops-helm-inflation by default), one checked
 * file per key (a damaged one is a miss); entries unused for two weeks go when one is written.
 */
export function inflationCache(directory: string): InflationCache {
  const pathOf = (key: string) => join(directory, `${key}.yaml`);
  return {
    read: (key) => readCheckedFile(pathOf(key)),
    write(key, output) {
      writeCheckedFile(pathOf(key), output);
      pruneCacheDirectory(directory, { maxAgeMs: unusedLifetimeMs });
    },
  };
}

export function defaultInflationCacheDirectory(root: string): string {
  return join(root, 'node_modules', '.cache', 'gitops-helm-inflation');
}
