// The validation benchmarks' corpus: copies of this repository's own rendered/ (every kind it
// renders, Helm values files included, CustomResourceDefinitions left out: custom resources are
// checked against the committed CRDs, as `gitops validate <path>` checks them), so the figures
// describe what users run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { repositoryRoot } from '@platform/gitops';

export interface RenderedFile {
  /** Relative to rendered/: `<cluster>/<app>/<component>/<file>`. */
  path: string;
  /** From the rendered layout's file name (`configmap-…` → `configmap`); Helm values files: `values`. */
  kind: string;
  content: string;
}

const crdPrefix = 'customresourcedefinition-';

/** The committed rendered/ files, CRDs left out, sorted by path. */
export function renderedFiles(root = repositoryRoot): RenderedFile[] {
  const top = join(root, 'rendered');
  const found: RenderedFile[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml') && !entry.name.startsWith(crdPrefix))
        found.push({
          path: relative(top, path),
          kind: entry.name === 'values.yaml' ? 'values' : entry.name.split('-')[0]!,
          content: readFileSync(path, 'utf8'),
        });
    }
  };
  walk(top);
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export interface WrittenCorpus {
  files: number;
  bytes: number;
  /** Files by kind. */
  kinds: Record<string, number>;
}

/**
 * Writes `count` files under `directory`/rendered/: copy N of rendered/<cluster>/… becomes
 * rendered/c<N>-<cluster>/…, so no two copies share a cluster and none is a duplicate of another
 * (the duplicate check is per cluster); the last copy may be partial. `kinds` keeps only files of
 * those kinds (the per-kind profile).
 */
export function writeRenderedCorpus(
  directory: string,
  count: number,
  kinds?: readonly string[],
): WrittenCorpus {
  const sources = renderedFiles().filter((file) => !kinds || kinds.includes(file.kind));
  if (sources.length === 0) throw new Error(`no rendered file of kind ${kinds?.join(', ')}`);
  const written: WrittenCorpus = { files: 0, bytes: 0, kinds: {} };
  for (let i = 0; i < count; i += 1) {
    const source = sources[i % sources.length]!;
    const [cluster, ...rest] = source.path.split('/');
    const path = join(
      directory,
      'rendered',
      `c${Math.floor(i / sources.length)}-${cluster}`,
      ...rest,
    );
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source.content);
    written.files += 1;
    written.bytes += Buffer.byteLength(source.content);
    written.kinds[source.kind] = (written.kinds[source.kind] ?? 0) + 1;
  }
  return written;
}
