import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RenderScope, ScopedRender } from '@platform/core';
import {
  pruneCacheDirectory,
  readCheckedFile,
  writeCheckedFile,
} from '../cache/checked-cache-file';
import { resolveHelm } from '../helm';
import { readVendorLock, sha256File } from '../vendor';
import { freshComponentBundle } from '../workspace/component-bundle';
import { bundledLibraries } from '../workspace/library-bundle';
import { findComponentFiles } from '../workspace/load-catalog';
import { existingTargets } from './rendered-tree';

/** Bump when the render depends on something new that the key below does not cover. */
const memoFormat = 1;

/** How many renders (scopes, versions of the tree) are remembered. */
const kept = 16;

/**
 * A render is a pure function of its code and data (rendered bytes are deterministic: tested
 * across time zones and locales, and every chart is inflated twice), so a render of the same inputs
 * is remembered instead of repeated. The key holds everything it reads: the bundle of the
 * component files and every file they import (its name is a digest of their bytes, and of the CLI
 * bundle's, which holds the engine, the libraries and the inventory), the installed packages
 * (package-lock.json), the bytes of every vendored file, the Helm binary's digest, the Node
 * version, the scope and the rendered/ directories that exist. Undefined (no memo) when the CLI
 * runs from source, or when the component bundle would have to be built first.
 */
export async function renderMemoKey(root: string, scope: RenderScope): Promise<string | undefined> {
  const libraries = bundledLibraries();
  if (!libraries) return undefined;
  const files = findComponentFiles(root).map((component) => component.file);
  const components = freshComponentBundle(root, files, libraries);
  if (!components) return undefined;
  const vendored = readVendorLock(root).artifacts.map((artifact) => [
    artifact.path,
    sha256File(join(root, artifact.path)),
  ]);
  const helm = await resolveHelm();
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: memoFormat,
        components,
        packages: sha256File(join(root, 'package-lock.json')),
        vendored,
        helm: helm.sha256,
        node: process.version,
        scope: { app: scope.app ?? null, cluster: scope.cluster ?? null },
        existing: existingTargets(root),
      }),
    )
    .digest('hex');
}

export function renderMemoDirectory(root: string): string {
  return join(root, 'node_modules', '.cache', 'gitops-render');
}

/** The remembered render, if its file is whole (checked-cache-file.ts). */
export function readRenderMemo(root: string, key: string): ScopedRender | undefined {
  const body = readCheckedFile(join(renderMemoDirectory(root), `${key}.json`));
  return body === undefined ? undefined : (JSON.parse(body) as ScopedRender);
}

/** Remembers a render, keeping the latest few. */
export function writeRenderMemo(root: string, key: string, render: ScopedRender): void {
  const body = JSON.stringify({ targets: render.targets, files: render.files });
  writeCheckedFile(join(renderMemoDirectory(root), `${key}.json`), body);
  pruneCacheDirectory(renderMemoDirectory(root), { keep: kept });
}
