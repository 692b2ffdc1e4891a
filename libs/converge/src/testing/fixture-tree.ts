import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argocdNamespace, argocdRuntimeSecrets, inventory } from '@platform/config';
import type { ConvergeInput, RenderedFile } from '../input/converge-input';
import { bootstrapStepsFrom } from '../input/bootstrap-steps';
import { convergeClustersOf } from '../input/inventory-clusters';

/** The repository this library lives in. */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function filesUnder(base: string, directory: string): RenderedFile[] {
  return readdirSync(join(base, directory)).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(join(base, path)).isDirectory()) return filesUnder(base, path);
    return /\.(ya?ml|json)$/.test(name)
      ? [
          {
            path: relative(base, join(base, path)),
            content: readFileSync(join(base, path), 'utf8'),
          },
        ]
      : [];
  });
}

/** The Lua health scripts Argo CD ships, as vendored under vendor/ (what the CLI hands the library). */
export function vendoredHealthScripts(root = repositoryRoot): Map<string, string> {
  const directory = join(root, 'vendor/argocd/resource_customizations');
  const scripts = new Map<string, string>();
  for (const group of readdirSync(directory))
    for (const kind of readdirSync(join(directory, group)))
      scripts.set(
        `${group}/${kind}`,
        readFileSync(join(directory, group, kind, 'health.lua'), 'utf8'),
      );
  return scripts;
}

/**
 * The converge input of a tree: `base/rendered/**` and the bootstrap commands of `bootstrapFile`,
 * with the shipped inventory and the vendored health scripts.
 */
export function treeInput(base: string, bootstrapFile: string): ConvergeInput {
  return {
    files: filesUnder(base, 'rendered'),
    bootstrap: bootstrapStepsFrom(readFileSync(bootstrapFile, 'utf8')),
    clusters: convergeClustersOf(inventory),
    argocdNamespace,
    builtInHealthScripts: vendoredHealthScripts(),
    runtimeSecrets: argocdRuntimeSecrets,
  };
}

/** The copy of rendered/ taken before the bootstrap fixes, with its README bootstrap section. */
export function treeBeforeFixes(): ConvergeInput {
  const base = join(repositoryRoot, 'libs/converge/fixtures/before-fixes');
  return treeInput(base, join(base, 'bootstrap-section.md'));
}

/** Replaces one rendered file's content (or removes the file when `content` is undefined). */
export function withFile(
  input: ConvergeInput,
  path: string,
  content: string | undefined,
): ConvergeInput {
  const files = input.files.filter((f) => f.path !== path);
  if (!input.files.some((f) => f.path === path))
    throw new Error(`no rendered file ${path} in the fixture`);
  return { ...input, files: content === undefined ? files : [...files, { path, content }] };
}
