// A V8 CPU profile (`node --cpu-prof`) of `gitops validate`, its self time summed by what the
// code does: each sample's function is traced back to its source file through the bundles'
// source maps, and the file named a category (the checks, the evaluators, parsing, the reader).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * First match wins: `<source file>#<function>` (or V8's pseudo-functions, `(garbage collector)`)
 * → what its time is spent on.
 */
const categories: [string, RegExp][] = [
  ['waiting for the reader', /file-reader-thread|^\(idle\)/],
  [
    'schema (ajv validators, error messages)',
    /embedded-validators|gitops-validators|#validate\d+$|checks\/schema-errors|resource-schema-check|schema-catalog\/schema-catalog|node_modules\/ajv/,
  ],
  ['CEL rules and RE2 patterns', /evaluators\/cel|kubernetes-pattern|@bufbuild/],
  ['names, labels, sizes', /object-name|kubernetes-name-formats|label-and-annotation|object-size/],
  [
    'file structure, duplicates, report',
    /checks\/|runner\/(validate|validation-inputs)|cluster-of-path|resource-label|list-items|finding|manifest-document/,
  ],
  ['YAML values (js-yaml, this thread)', /js-yaml|lib\/loader\.js|lib\/type\/|yaml-values/],
  ['YAML positions (yaml package)', /node_modules\/yaml\/|source-positions/],
  [
    'values from the reader thread (JSON.parse, messages)',
    /file-reader-messages|worker\/io|receiveMessageOnPort/,
  ],
  ['listing files', /collect-yaml-files|readdir|rendered-crd-files/],
  ['reading files (system calls)', /^(open|read|close|fstat|readFileUtf8|readFileSync)#/],
  ['garbage collector', /garbage collector/],
  [
    'loading validators, bundles and caches',
    /cli-bundle|cached-bundles|\.cache\/gitops\/bundles|evaluators\/|precompiled|embedded-schemas|node:vm|compileFunction/,
  ],
  ['Node internals (modules, messages) and V8', /^\(program\)|^node:/],
];

const maps = new Map<string, SourceMap | undefined>();

function sourceMap(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    let map: SourceMap | undefined;
    try {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (existsSync(`${path}.map`))
        map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The source file a profile node's code came from (or V8's name for it: `(garbage collector)`). */
function sourceOf({ callFrame }: ProfileNode): string {
  if (!callFrame.url) return callFrame.functionName;
  const entry = sourceMap(callFrame.url)?.findEntry(callFrame.lineNumber, callFrame.columnNumber);
  const original = entry && 'originalSource' in entry ? entry.originalSource : undefined;
  return original ?? callFrame.url;
}

/** Milliseconds of self time by category, largest first, and the profile's total. */
export function profileCategories(path: string): { total: number; byCategory: [string, number][] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
  );
  const byCategory = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id);
    if (!ms) continue;
    const source = `${sourceOf(node)}#${node.callFrame.functionName}`;
    const category = categories.find(([, pattern]) => pattern.test(source))?.[0] ?? 'other';
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
    total += ms;
  }
  return { total, byCategory: [...byCategory].sort((a, b) => b[1] - a[1]) };
}
