import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
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
 * The cache in `directory` (node_modules/.cache/gitops-helm-inflation by default). An entry is a
 * header with the sha256 of the output, then the output; one whose output does not match its
 * header (a truncated or edited file) is a miss. Entries are written to a temporary file and
 * renamed into place, so a concurrent reader never sees half of one.
 */
export function inflationCache(directory: string): InflationCache {
  const pathOf = (key: string) => join(directory, `${key}.yaml`);
  return {
    read(key) {
      let text: string;
      try {
        text = readFileSync(pathOf(key), 'utf8');
      } catch {
        return undefined;
      }
      const newline = text.indexOf('\n');
      const output = text.slice(newline + 1);
      if (text.slice(0, newline) !== header(output)) return undefined;
      touch(pathOf(key));
      return output;
    },
    write(key, output) {
      mkdirSync(directory, { recursive: true });
      removeUnused(directory);
      const temporary = `${pathOf(key)}.${process.pid}.tmp`;
      writeFileSync(temporary, `${header(output)}\n${output}`);
      renameSync(temporary, pathOf(key));
    },
  };
}

export function defaultInflationCacheDirectory(root: string): string {
  return join(root, 'node_modules', '.cache', 'gitops-helm-inflation');
}

const header = (output: string) =>
  `# helm template output sha256 ${createHash('sha256').update(output).digest('hex')}`;

/** Marks an entry as used now (its mtime), so the pruning below keeps it. */
function touch(path: string) {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Removed meanwhile by another process: the output was read already.
  }
}

function removeUnused(directory: string) {
  const oldest = Date.now() - unusedLifetimeMs;
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    try {
      if (statSync(path).mtimeMs < oldest) rmSync(path, { force: true });
    } catch {
      // Removed by another process.
    }
  }
}
