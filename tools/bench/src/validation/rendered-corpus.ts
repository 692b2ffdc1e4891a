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
  /** `configmap` for `configmap-…`; Helm values files: `values`. */
  kind: string;
  content: string;
}

const crdPrefix = 'customresourcedefinition-';

/** From the rendered layout's file name (`…/configmap-a-b.yaml`); Helm values files: `values`. */
const kindOf = (path: string) => {
  const name = path.split('/').at(-1)!;
  return name === 'values.yaml' ? 'values' : name.split('-')[0]!;
};

/** The committed rendered/ files, CRDs left out (or only the CRDs), sorted by path. */
export function renderedFiles(root = repositoryRoot, crds = false): RenderedFile[] {
  const top = join(root, 'rendered');
  const found: RenderedFile[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml') && entry.name.startsWith(crdPrefix) === crds)
        found.push({
          path: relative(top, path),
          kind: kindOf(path),
          content: readFileSync(path, 'utf8'),
        });
    }
  };
  walk(top);
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The committed CRDs, as `gitops validate` gives them to validation (`crdSources`). */
export const renderedCrdSources = () =>
  renderedFiles(repositoryRoot, true).map((file) => ({
    path: `rendered/${file.path}`,
    content: file.content,
  }));

/**
 * `count` files in memory, paths under `rendered/`: copy N of rendered/<cluster>/… becomes
 * rendered/c<N>-<cluster>/…, so no two copies share a cluster and none is a duplicate of another
 * (the duplicate check is per cluster); the last copy may be partial. `kinds` keeps only files of
 * those kinds (the per-kind profile).
 */
export function renderedCorpus(
  count: number,
  kinds?: readonly string[],
): { path: string; content: string }[] {
  const sources = renderedFiles().filter((file) => !kinds || kinds.includes(file.kind));
  if (sources.length === 0) throw new Error(`no rendered file of kind ${kinds?.join(', ')}`);
  return Array.from({ length: count }, (_, i) => {
    const source = sources[i % sources.length]!;
    const [cluster, ...rest] = source.path.split('/');
    const copy = `c${Math.floor(i / sources.length)}-${cluster}`;
    return { path: ['rendered', copy, ...rest].join('/'), content: source.content };
  });
}

export interface WrittenCorpus {
  files: number;
  bytes: number;
  /** Files by kind. */
  kinds: Record<string, number>;
}

/** `renderedCorpus`, written under `directory`. */
export function writeRenderedCorpus(
  directory: string,
  count: number,
  kinds?: readonly string[],
): WrittenCorpus {
  const written: WrittenCorpus = { files: 0, bytes: 0, kinds: {} };
  for (const file of renderedCorpus(count, kinds)) {
    const path = join(directory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    const kind = kindOf(file.path);
    written.files += 1;
    written.bytes += Buffer.byteLength(file.content);
    written.kinds[kind] = (written.kinds[kind] ?? 0) + 1;
  }
  return written;
}
