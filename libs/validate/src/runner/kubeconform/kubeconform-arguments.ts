import { kubeconformSchemaLocation } from './kubeconform-schema-layout';

export interface KubeconformArgumentOptions {
  schemaDirectory: string;
  /** `apiVersion/kind` of resources to skip (kinds without a schema listed in skipped-kinds). */
  skip: readonly string[];
  files: readonly string[];
}

/**
 * kubeconform's command line (flags as in its v0.7.0 usage text):
 * - `-strict`: reject additional properties and duplicated keys;
 * - `-output json -summary`: machine-readable results with counts;
 * - `-schema-location <template>`: only our local schemas, never `default`, so it runs offline and
 *   a kind without an embedded schema fails exactly as with the embedded engine;
 * - `-skip a,b`: comma-separated kinds or apiVersion/kind pairs.
 */
export function kubeconformArguments(options: KubeconformArgumentOptions): string[] {
  const args = [
    '-strict',
    '-output',
    'json',
    '-summary',
    '-schema-location',
    kubeconformSchemaLocation(options.schemaDirectory),
  ];
  if (options.skip.length > 0) args.push('-skip', [...new Set(options.skip)].join(','));
  return [...args, ...options.files];
}
